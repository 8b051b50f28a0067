package vn.langso.backend.cameras;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A camera ingest request without a valid agent key (HTTP 401). The shared problem handler writes it as a
 * problem+json body with the {@code WWW-Authenticate} header below.
 */
final class AgentUnauthorizedException extends ResponseStatusException {

    AgentUnauthorizedException(String reason) {
        super(HttpStatus.UNAUTHORIZED, reason);
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"camera-ingest\"");
        return headers;
    }
}
