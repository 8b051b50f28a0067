package vn.langso.backend.rooms;

/**
 * A signalling request that failed, sent to the client as {@code {"type":"error","code":...,"message":...}}.
 *
 * @see SignalCodes
 */
final class SignalException extends RuntimeException {

    private final String code;
    /** Whether the connection is closed after the error is sent, because the client cannot continue. */
    private final boolean fatal;

    SignalException(String code, String message, boolean fatal) {
        super(message, null, false, false);
        this.code = code;
        this.fatal = fatal;
    }

    static SignalException of(String code, String message) {
        return new SignalException(code, message, false);
    }

    static SignalException fatal(String code, String message) {
        return new SignalException(code, message, true);
    }

    String code() {
        return code;
    }

    boolean isFatal() {
        return fatal;
    }
}
