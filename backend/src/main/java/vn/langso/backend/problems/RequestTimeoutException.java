package vn.langso.backend.problems;

import java.time.Duration;

/** The request ran longer than the configured request timeout (HTTP 503). */
public final class RequestTimeoutException extends ApiException {

    public RequestTimeoutException(Duration timeout) {
        super(ProblemType.REQUEST_TIMEOUT, "The request did not finish within " + timeout.toMillis()
                + " ms. Narrow it (a smaller bbox or limit) or retry later.");
    }
}
