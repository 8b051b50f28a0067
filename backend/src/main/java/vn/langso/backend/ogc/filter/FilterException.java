package vn.langso.backend.ogc.filter;

/** A well-formed filter that does not fit the collection: an unknown property or operands of different types. */
final class FilterException extends RuntimeException {

    FilterException(String reason) {
        super(reason);
    }
}
