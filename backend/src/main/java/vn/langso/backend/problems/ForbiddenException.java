package vn.langso.backend.problems;

/** The signed-in user's roles or areas do not allow the operation (HTTP 403). */
public final class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
