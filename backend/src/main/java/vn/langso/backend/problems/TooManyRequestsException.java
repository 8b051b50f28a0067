package vn.langso.backend.problems;

import java.time.Duration;

/** A client exceeded a rate limit or an account is locked (HTTP 429 with Retry-After). */
public final class TooManyRequestsException extends RetryLaterException {

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail, retryAfter);
    }
}
