package vn.langso.backend.ogc.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits CQL2 text into tokens; keywords are identifiers compared without regard to case by the parser. */
final class Cql2Lexer {

    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    /** A token and the character position (from 1) where it starts, for error messages. */
    record Token(Kind kind, String text, int position) {

        boolean isKeyword(String keyword) {
            return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the filter";
                case STRING -> "'" + text + "'";
                case QUOTED_IDENTIFIER -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private Cql2Lexer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i = readQuoted(text, i, '\'', value);
                tokens.add(new Token(Kind.STRING, value.toString(), start + 1));
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i = readQuoted(text, i, '"', value);
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, value.toString(), start + 1));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < text.length()
                    && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.'))) {
                i = readNumber(text, i);
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.' || text.charAt(i) == ':')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, i), start + 1));
            } else if (c == '<' || c == '>') {
                i++;
                if (i < text.length() && (text.charAt(i) == '=' || (c == '<' && text.charAt(i) == '>'))) {
                    i++;
                }
                tokens.add(new Token(Kind.SYMBOL, text.substring(start, i), start + 1));
            } else if (c == '=' || c == '(' || c == ')' || c == ',') {
                i++;
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start + 1));
            } else {
                // The code point names characters that do not show, such as a zero-width joiner.
                int codePoint = text.codePointAt(i);
                throw new Cql2SyntaxException(start + 1, "unexpected character '" + Character.toString(codePoint)
                        + "' (" + String.format(Locale.ROOT, "U+%04X", codePoint) + ")");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    /**
     * Tells whether a character separates tokens. The CQL2 grammar counts the Unicode spaces as whitespace, among them
     * the no-break space (U+00A0) that word processors put into text copied from them, and NEXT LINE (U+0085).
     */
    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** Reads a quoted string or identifier in which a doubled quote stands for one quote; returns the next index. */
    private static int readQuoted(String text, int open, char quote, StringBuilder value) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw new Cql2SyntaxException(open + 1, "the quote " + quote + " opened here is never closed");
    }

    private static int readNumber(String text, int start) {
        int i = start;
        if (text.charAt(i) == '-' || text.charAt(i) == '+') {
            i++;
        }
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '-' || text.charAt(exponent) == '+')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                i = exponent;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }
}
