package vn.langso.conferencing;

import java.util.Objects;

/** Something the signalling layer must pass on to the participants of a room. */
public sealed interface MediaEvent {

    String roomId();

    /** A recording started: every participant must see a notice while it runs. */
    record RecordingStarted(String roomId, Recording recording) implements MediaEvent {
    }

    /** The recording stopped; {@code recording.files()} lists what was written. */
    record RecordingStopped(String roomId, Recording recording) implements MediaEvent {
    }

    /**
     * The media server lost this endpoint (for example after a restart) and the room rebuilt it. The
     * participant's browser must send a new offer: through {@link MediaSession#publish} when
     * {@code publisherId} equals {@code participantId}, otherwise through {@link MediaSession#subscribe}.
     */
    record RenegotiationNeeded(String roomId, String participantId, String publisherId) implements MediaEvent {

        public RenegotiationNeeded {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(publisherId, "publisherId");
        }

        public boolean isOwnPublisher() {
            return participantId.equals(publisherId);
        }
    }

    /** The session ended; no further events follow. */
    record Closed(String roomId, CloseReason reason) implements MediaEvent {
    }
}
