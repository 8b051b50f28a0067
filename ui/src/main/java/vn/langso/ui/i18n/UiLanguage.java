package vn.langso.ui.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages of the UI. Vietnamese is the default; English is offered beside it. */
public enum UiLanguage {
    VI("vi", Locale.of("vi", "VN")),
    EN("en", Locale.ENGLISH);

    public static final UiLanguage DEFAULT = VI;

    private final String code;
    private final Locale locale;

    UiLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** ISO 639-1 code, as used in the {@code lang} query parameter and in the API's localized fields. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** Finds the language for a {@code lang} query parameter value, ignoring case and surrounding blanks. */
    public static Optional<UiLanguage> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(language -> language.code.equals(normalized)).findFirst();
    }

    /** Returns the UI language for a locale, or the default for locales of other languages. */
    public static UiLanguage of(Locale locale) {
        if (locale == null) {
            return DEFAULT;
        }
        return fromCode(locale.getLanguage()).orElse(DEFAULT);
    }
}
