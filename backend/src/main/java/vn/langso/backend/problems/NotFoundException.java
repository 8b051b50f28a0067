package vn.langso.backend.problems;

/** The layer, feature, unit or endpoint named by the request does not exist (HTTP 404). */
public final class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
