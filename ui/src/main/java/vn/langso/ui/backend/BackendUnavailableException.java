package vn.langso.ui.backend;

import java.net.URI;

/** The backend could not be reached at all: refused connection, unknown host or a timeout. */
public class BackendUnavailableException extends RuntimeException {

    private final URI backendUrl;

    public BackendUnavailableException(URI backendUrl, URI requestUrl, Throwable cause) {
        super("Backend at " + backendUrl + " is unreachable (" + requestUrl + "): " + cause, cause);
        this.backendUrl = backendUrl;
    }

    public URI backendUrl() {
        return backendUrl;
    }
}
