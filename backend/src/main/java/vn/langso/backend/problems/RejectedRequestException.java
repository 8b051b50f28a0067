package vn.langso.backend.problems;

/**
 * The request was rejected before routing because its path, method or headers could be read in more than one way,
 * such as a path with {@code //}, {@code ..} or an encoded slash (HTTP 400, {@code /problems/malformed-request}).
 */
public final class RejectedRequestException extends ApiException {

    public RejectedRequestException(String detail) {
        super(ProblemType.MALFORMED_REQUEST, detail);
    }
}
