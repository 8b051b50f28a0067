package vn.langso.backend.problems;

/** The request conflicts with stored state, such as a name that is already taken (HTTP 409). */
public final class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
