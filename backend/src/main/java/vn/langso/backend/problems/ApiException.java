package vn.langso.backend.problems;

import java.util.List;
import java.util.Map;

/**
 * An error that the API reports to the client as an RFC 9457 problem. {@link ProblemExceptionHandler}
 * is the only place that turns these into HTTP responses.
 */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidParameterException, NotFoundException, OutsideProvinceException, RequestTimeoutException,
        UnauthorizedException, ForbiddenException, ConflictException, RetryLaterException,
        RejectedRequestException {

    private final ProblemType type;

    protected ApiException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** Returns the human-readable explanation of this occurrence, naming the value and what to do. */
    public String detail() {
        return getMessage();
    }

    /** Returns the parameters at fault, empty unless the problem is about parameters. */
    public List<InvalidParam> invalidParams() {
        return List.of();
    }

    /** Returns headers that the response must carry, such as Retry-After; empty for most problems. */
    public Map<String, String> responseHeaders() {
        return Map.of();
    }
}
