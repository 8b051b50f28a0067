package vn.langso.conferencing;

/**
 * The media server behind rooms. Kurento and the peer-to-peer fallback (where the server only relays
 * signalling) implement it, so rooms never depend on a particular server.
 */
public interface MediaServer {

    /** Name shown in logs and diagnostics, for example "kurento" or "peer-to-peer". */
    String name();

    /** Maximum participants a room on this server supports, or {@link Integer#MAX_VALUE} when unbounded. */
    int maxParticipantsPerRoom();
}
