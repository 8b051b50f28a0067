package vn.langso.backend.ogc.html;

/**
 * A label of the HTML pages in Vietnamese and English. Vietnamese pages show the Vietnamese text with the English
 * beside it, as the rest of the platform does. English pages show the English text only.
 *
 * @param vi the Vietnamese text, with its diacritics, in NFC
 * @param en the English text
 */
record Label(String vi, String en) {

    /** Returns the label as plain text, for a page title or an attribute. */
    String plain(boolean vietnamese) {
        if (!vietnamese) {
            return en;
        }
        return vi.equals(en) ? vi : vi + " (" + en + ")";
    }
}
