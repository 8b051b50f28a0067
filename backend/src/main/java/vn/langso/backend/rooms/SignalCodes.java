package vn.langso.backend.rooms;

/** Error codes of signalling {@code error} messages, stable for clients to branch on. */
final class SignalCodes {

    static final String INVALID_MESSAGE = "invalid-message";
    static final String UNKNOWN_TYPE = "unknown-type";
    static final String JOIN_REQUIRED = "join-required";
    static final String JOIN_TIMEOUT = "join-timeout";
    static final String ALREADY_JOINED = "already-joined";
    static final String ROOM_NOT_FOUND = "room-not-found";
    static final String ROOM_FULL = "room-full";
    static final String INVITATION_REQUIRED = "invitation-required";
    static final String INVITATION_INVALID = "invitation-invalid";
    static final String TOKEN_INVALID = "token-invalid";
    static final String FORBIDDEN = "forbidden";
    static final String NOT_ADMITTED = "not-admitted";
    static final String REJECTED = "rejected";
    static final String PARTICIPANT_NOT_FOUND = "participant-not-found";
    static final String MEDIA_FAILED = "media-failed";
    static final String RECORDING_UNAVAILABLE = "recording-unavailable";
    static final String TOO_SLOW = "too-slow";

    private SignalCodes() {
    }
}
