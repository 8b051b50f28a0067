package vn.langso.conferencing;

import reactor.core.publisher.Mono;

/**
 * The media server behind rooms. Kurento and the peer-to-peer fallback (where the server only relays
 * signalling) implement it, so rooms never depend on a particular server.
 *
 * <p>Every method that talks to a server returns a cold {@link Mono}: nothing happens until it is
 * subscribed, and implementations never block the subscribing thread, so the signalling layer may call them
 * from an event loop (NonBlockingCallsTest checks the Kurento implementation with BlockHound). Use {@link MediaServerSelector} to get a session with the peer-to-peer fallback.
 */
public interface MediaServer {

    /** Name shown in logs and diagnostics, for example "kurento" or "peer-to-peer". */
    String name();

    /** Maximum participants a room on this server supports, or {@link Integer#MAX_VALUE} when unbounded. */
    int maxParticipantsPerRoom();

    /**
     * Whether this server only relays signalling. When true, {@link MediaSession#publish} and
     * {@link MediaSession#subscribe} handle no SDP: browsers connect to each other and exchange offers,
     * answers and ICE candidates through the signalling layer.
     */
    boolean isRelayOnly();

    /**
     * Opens the media side of a room, for example a Kurento media pipeline.
     *
     * @param roomId id of the room, used in logs and recording file names
     * @return the session; fails with {@link MediaServerException} when the server cannot be reached or
     *     does not respond in time
     */
    Mono<MediaSession> openRoom(String roomId);
}
