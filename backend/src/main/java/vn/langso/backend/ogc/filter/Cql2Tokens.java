package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.util.List;
import vn.langso.backend.ogc.filter.Cql2Lexer.Kind;
import vn.langso.backend.ogc.filter.Cql2Lexer.Token;

/**
 * The position of the CQL2 text parsers in a filter's tokens, and the nesting depth they have reached, with the
 * checks they share: an expected symbol or keyword, a number, the end of the filter.
 */
final class Cql2Tokens {

    private final List<Token> tokens;
    private int index;
    private int depth;

    Cql2Tokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    void enter() {
        if (++depth > Cql2TextParser.MAX_DEPTH) {
            throw new Cql2SyntaxException(peek().position(), "the filter nests deeper than "
                    + Cql2TextParser.MAX_DEPTH + " levels; simplify it");
        }
    }

    void leave() {
        depth--;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token, "'" + symbol + "'");
        }
    }

    void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) {
            throw unexpected(token, keyword);
        }
    }

    void expectEnd() {
        Token token = peek();
        if (token.kind() != Kind.END) {
            throw unexpected(token, "AND, OR or the end of the filter");
        }
    }

    BigDecimal numberToken() {
        Token token = next();
        if (token.kind() != Kind.NUMBER) {
            throw unexpected(token, "a number");
        }
        return number(token);
    }

    static BigDecimal number(Token token) {
        try {
            return new BigDecimal(token.text());
        } catch (NumberFormatException e) {
            throw new Cql2SyntaxException(token.position(), "'" + token.text() + "' is not a number");
        }
    }

    static Cql2SyntaxException unexpected(Token token, String expected) {
        return new Cql2SyntaxException(token.position(), "expected " + expected + " but found " + token.describe());
    }
}
