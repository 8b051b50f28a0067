package vn.langso.backend.problems;

import java.time.Duration;
import java.util.Map;

/** A problem that may clear up later, so its response carries a Retry-After header in whole seconds. */
public abstract sealed class RetryLaterException extends ApiException
        permits TooManyRequestsException, ServerBusyException {

    private final Duration retryAfter;

    protected RetryLaterException(ProblemType type, String detail, Duration retryAfter) {
        super(type, detail);
        this.retryAfter = retryAfter;
    }

    /** Returns the wait before the next attempt, rounded up to whole seconds and at least one. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds()));
    }
}
