package vn.langso.conferencing;

/** Reason a media session ended, logged and sent to participants with {@link MediaEvent.Closed}. */
public enum CloseReason {
    /** The last participant left. */
    LAST_PARTICIPANT_LEFT,
    /** A moderator ended the meeting. */
    ENDED_BY_MODERATOR,
    /** The media server failed and the room could not be rebuilt. */
    MEDIA_SERVER_FAILED,
    /** The backend is shutting down. */
    SHUTDOWN
}
