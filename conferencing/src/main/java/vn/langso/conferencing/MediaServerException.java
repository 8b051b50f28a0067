package vn.langso.conferencing;

/** The media server failed, timed out or rejected a request. */
public class MediaServerException extends RuntimeException {

    public MediaServerException(String message) {
        super(message);
    }

    public MediaServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
