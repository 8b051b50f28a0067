package vn.langso.conferencing;

/** Role of a participant, which decides what they may do in a room. */
public enum ParticipantRole {
    /** Admits guests, mutes and removes others, starts recordings. */
    MODERATOR,
    /** Publishes camera, microphone or screen. */
    SPEAKER,
    /** Receives media only. */
    LISTENER;

    public boolean canPublish() {
        return this != LISTENER;
    }
}
