package vn.langso.backend.problems;

import java.time.Duration;

/** The server already runs as many requests of this kind as its limit allows (HTTP 503 with Retry-After). */
public final class ServerBusyException extends RetryLaterException {

    public ServerBusyException(String detail, Duration retryAfter) {
        super(ProblemType.SERVER_BUSY, detail, retryAfter);
    }
}
