package vn.langso.backend.traceability.epcis;

/** Removes line and block comments from JSONC text, leaving string literals (and the slashes of URLs in them) alone. */
final class JsonComments {

    private JsonComments() {
    }

    static String strip(String text) {
        StringBuilder result = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                result.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    result.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                result.append(c);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                if (i < text.length()) {
                    result.append('\n');
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
