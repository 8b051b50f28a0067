package vn.langso.ui.backend;

import vn.langso.ui.i18n.UiLanguage;

/** A text that the API gives in Vietnamese and English; either may be empty. */
public record LocalizedText(String vi, String en) {

    public LocalizedText {
        vi = vi == null ? "" : vi;
        en = en == null ? "" : en;
    }

    /** Returns the text in the language, or the other language's text when that one is empty. */
    public String in(UiLanguage language) {
        String preferred = language == UiLanguage.EN ? en : vi;
        String other = language == UiLanguage.EN ? vi : en;
        return preferred.isBlank() ? other : preferred;
    }
}
