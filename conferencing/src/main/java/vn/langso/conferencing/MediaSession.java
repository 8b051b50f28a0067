package vn.langso.conferencing;

import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The media side of one open room.
 *
 * <p>Contract for the signalling layer:
 * <ul>
 *   <li>A publisher sends its SDP offer through {@link #publish}; the returned SDP answer goes back to that
 *       browser. Each subscriber sends one offer per publisher it wants to receive through {@link #subscribe}.
 *       Calling either again for the same pair replaces the previous endpoint (a renegotiation).</li>
 *   <li>ICE candidates that the media server gathers go to the {@code toBrowser} consumer given with the
 *       offer. It may be called on any thread, possibly before the SDP answer is emitted, and must be
 *       thread-safe. Candidates that the browser sends go in through {@link #addIceCandidate}; they may
 *       arrive before the endpoint exists and are then queued.</li>
 *   <li>{@link #leave} releases the participant's publisher, its subscriptions, and every other
 *       participant's subscription to it. When the last participant has left, call {@link #close}.</li>
 *   <li>{@link #events()} reports what the signalling layer must pass on: recordings started and stopped
 *       (every participant must see a notice), renegotiation requests after a media server restart, and
 *       the session's end.</li>
 * </ul>
 * Methods return cold {@link Mono}s that do not block the subscribing thread and fail with
 * {@link MediaServerException} when the media server fails or times out. In relay-only sessions
 * ({@link #isRelayOnly()}) publish and subscribe handle no SDP and return an empty answer, and recording
 * fails with {@link UnsupportedOperationException}.
 */
public interface MediaSession {

    String roomId();

    /** Server that this session runs on; its {@link MediaServer#maxParticipantsPerRoom()} limits the room. */
    MediaServer server();

    default boolean isRelayOnly() {
        return server().isRelayOnly();
    }

    /**
     * Publishes a participant's camera, microphone or screen.
     *
     * @param participantId publishing participant
     * @param sdpOffer the browser's SDP offer
     * @param toBrowser receives the server's ICE candidates for this endpoint
     * @return the SDP answer, or an empty string in relay-only sessions
     */
    Mono<String> publish(String participantId, String sdpOffer, Consumer<IceCandidate> toBrowser);

    /**
     * Connects a subscriber to one publisher's media.
     *
     * @return the SDP answer, or an empty string in relay-only sessions; fails with
     *     {@link MediaServerException} when the publisher has not published
     */
    Mono<String> subscribe(String subscriberId, String publisherId, String sdpOffer,
            Consumer<IceCandidate> toBrowser);

    /**
     * Passes on an ICE candidate from a browser.
     *
     * @param participantId the browser's participant
     * @param publisherId {@code null} for the participant's own publisher endpoint, otherwise the publisher
     *     whose subscription this candidate belongs to
     */
    Mono<Void> addIceCandidate(String participantId, String publisherId, IceCandidate candidate);

    /**
     * Starts recording every publisher of the room, and those who publish later, until
     * {@link #stopRecording()}. Emits {@link MediaEvent.RecordingStarted}.
     *
     * @return the recording; fails with {@link IllegalStateException} when a recording already runs
     */
    Mono<Recording> startRecording();

    /**
     * Stops the running recording and emits {@link MediaEvent.RecordingStopped}.
     *
     * @return the finished recording, or empty when none was running
     */
    Mono<Recording> stopRecording();

    /** Releases everything the participant published or subscribed to; completes when done. */
    Mono<Void> leave(String participantId);

    /** Stops any recording, releases the room's media and completes {@link #events()}. Idempotent. */
    Mono<Void> close(CloseReason reason);

    /** Hot stream of this session's events; completes after {@link MediaEvent.Closed}. */
    Flux<MediaEvent> events();
}
