package vn.langso.backend.ogc.filter;

/** A CQL2 text or JSON filter that cannot be read; the handler turns it into a 400 on the {@code filter} parameter. */
final class Cql2SyntaxException extends RuntimeException {

    Cql2SyntaxException(int position, String reason) {
        super("at character " + position + ": " + reason);
    }

    Cql2SyntaxException(String reason) {
        super(reason);
    }
}
