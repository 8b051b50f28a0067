package vn.langso.ui.i18n;

/**
 * Helpers for putting a text from elsewhere, such as a backend problem's detail, at the end of a sentence of a
 * translation. Such a detail may or may not end with a full stop, so the template adds no stop after it.
 */
public final class Sentences {

    private Sentences() {
    }

    /**
     * Returns the text without surrounding white space, ending in exactly one sentence-final mark: its own "!", "?"
     * or "…", or else one full stop (repeated full stops are merged). A blank text stays empty.
     */
    public static String withFinalStop(String text) {
        String sentence = text == null ? "" : text.strip();
        if (sentence.isEmpty() || sentence.endsWith("!") || sentence.endsWith("?") || sentence.endsWith("…")) {
            return sentence;
        }
        int end = sentence.length();
        while (end > 0 && sentence.charAt(end - 1) == '.') {
            end--;
        }
        return sentence.substring(0, end).stripTrailing() + ".";
    }
}
