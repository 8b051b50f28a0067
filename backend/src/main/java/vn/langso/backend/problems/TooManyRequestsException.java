package vn.langso.backend.problems;

import java.time.Duration;
import java.util.Map;

/** A client exceeded a rate limit or an account is locked (HTTP 429 with Retry-After in whole seconds). */
public final class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(ProblemType.TOO_MANY_REQUESTS, detail);
        this.retryAfter = retryAfter;
    }

    /** Returns the wait before the next attempt can succeed, rounded up to whole seconds and at least one. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds()));
    }
}
