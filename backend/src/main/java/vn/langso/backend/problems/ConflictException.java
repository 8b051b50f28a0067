package vn.langso.backend.problems;

/** The request conflicts with the resource's current state (HTTP 409). */
public final class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
