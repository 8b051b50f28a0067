package vn.langso.backend.problems;

/** The caller lacks the role or membership the request needs (HTTP 403). */
public final class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
