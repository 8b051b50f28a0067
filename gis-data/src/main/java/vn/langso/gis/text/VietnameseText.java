package vn.langso.gis.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Unicode normalisation and search folding for Vietnamese names. {@link #fold(String)} gives the same
 * result as the SQL function {@code fold_vietnamese(text)} of the schema, so Java and SQL agree on the
 * search key.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("[\\u0300-\\u036f]");
    private static final Pattern WHITESPACE_RUNS = Pattern.compile("\\s+");
    /** No-break and other Unicode spaces, which copied text often contains in place of a plain space. */
    private static final Pattern UNICODE_SPACES = Pattern.compile("[\\p{Zs}\\t]");
    /** Zero-width characters, invisible in names but breaking every comparison. */
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

    private VietnameseText() {
    }

    /** Returns the text in Unicode NFC, the form stored in the database; null stays null. */
    public static String nfc(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Returns copied Vietnamese text cleaned and in NFC. Unicode spaces become plain spaces and zero-width
     * characters are removed. Old TCVN3 and VNI converters write the Icelandic eth (Ð U+00D0, ð U+00F0) for đ, so
     * it becomes Vietnamese Đ/đ (U+0110, U+0111). Null stays null.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String visible = ZERO_WIDTH.matcher(text).replaceAll("");
        String spaced = UNICODE_SPACES.matcher(visible).replaceAll(" ");
        return nfc(spaced.replace('\u00D0', '\u0110').replace('\u00F0', '\u0111'));
    }

    /**
     * Returns the search key: lower case, diacritics removed, đ folded to d, runs of white space collapsed
     * to one space and the ends trimmed. "Tân Thuận  Tây" and its NFD spelling both give "tan thuan tay".
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD).replace('đ', 'd');
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return WHITESPACE_RUNS.matcher(withoutMarks).replaceAll(" ").strip();
    }
}
