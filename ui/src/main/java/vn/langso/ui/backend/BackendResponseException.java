package vn.langso.ui.backend;

import java.net.URI;

/** The backend responded, but with an error status or a body that is not the JSON the API contract describes. */
public class BackendResponseException extends RuntimeException {

    private final URI backendUrl;
    private final int status;
    private final String detail;

    /**
     * @param status HTTP status, or 0 when the status was fine and the body was malformed
     * @param detail the problem+json {@code detail} or {@code title}, or a description of the malformed body
     */
    public BackendResponseException(URI backendUrl, URI requestUrl, int status, String detail) {
        super("Backend request " + requestUrl + " failed" + (status > 0 ? " with HTTP " + status : "") + ": " + detail);
        this.backendUrl = backendUrl;
        this.status = status;
        this.detail = detail;
    }

    public URI backendUrl() {
        return backendUrl;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
