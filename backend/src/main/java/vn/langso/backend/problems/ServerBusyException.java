package vn.langso.backend.problems;

import java.time.Duration;
import java.util.Map;

/**
 * The server already runs as many requests of this kind as its limit allows (HTTP 503 with Retry-After in
 * whole seconds).
 */
public final class ServerBusyException extends ApiException {

    private final Duration retryAfter;

    public ServerBusyException(String detail, Duration retryAfter) {
        super(ProblemType.SERVER_BUSY, detail);
        this.retryAfter = retryAfter;
    }

    /** Returns the suggested wait before the next attempt, rounded up to whole seconds and at least one. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds()));
    }
}
