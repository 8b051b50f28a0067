package vn.langso.backend.problems;

import java.util.Map;

/** The request has no valid credentials for an operation that needs them (HTTP 401). */
public final class UnauthorizedException extends ApiException {

    public UnauthorizedException(String detail) {
        super(ProblemType.UNAUTHORIZED, detail);
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("WWW-Authenticate", "Bearer");
    }
}
