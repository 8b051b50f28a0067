package vn.langso.backend.ogc.html;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Escaping for the HTML pages of the OGC API. Names and descriptions come from imported data and from citizens, so
 * every value goes through {@link #escape} and only {@link #isSafeHref safe} hrefs become links. The output is also
 * well-formed XML: control characters and lone surrogates, which neither HTML nor XML allows, become U+FFFD.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Escapes text for element content and double-quoted attribute values, in Unicode NFC so that a name stored
     * decomposed (NFD) shows its Vietnamese diacritics as composed letters.
     */
    public static String escape(String text) {
        return escapeCharacters(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    /** Escapes an href without normalising it, because a URL must stay the exact text the server wrote. */
    static String escapeHref(String href) {
        return escapeCharacters(href);
    }

    /**
     * Tells whether {@code href} may become a link: an http or https URL, or a path from the server's root. A
     * {@code //host} or {@code /\host} reference is rejected because browsers read it as another host.
     */
    public static boolean isSafeHref(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return true;
        }
        return href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\");
    }

    private static String escapeCharacters(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (isAllowed(c)) {
                        escaped.append(c);
                    } else {
                        escaped.append('\uFFFD');
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Tells whether a single UTF-16 unit may appear in XML 1.0 text: not a C0 control, surrogate or U+FFFE/U+FFFF. */
    private static boolean isAllowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
