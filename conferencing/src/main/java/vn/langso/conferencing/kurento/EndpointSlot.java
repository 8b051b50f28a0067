package vn.langso.conferencing.kurento;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.kurento.client.WebRtcEndpoint;
import vn.langso.conferencing.IceCandidate;

/**
 * The place of one WebRTC endpoint in a room: a participant's publisher, or one subscription of a participant
 * to a publisher. It exists before the endpoint does, so that browser ICE candidates that arrive early are
 * queued, and it outlives a media server restart, when the room gives it a new endpoint. Thread-safe: the
 * slot's monitor guards the endpoint, the negotiation flag and the queue.
 */
final class EndpointSlot {

    final String participantId;
    /** Whose media the endpoint carries; equals {@link #participantId} for a participant's own publisher. */
    final String publisherId;

    private volatile Consumer<IceCandidate> toBrowser = candidate -> { };
    private WebRtcEndpoint endpoint;
    /** True once the endpoint has processed the browser's offer and may take the browser's candidates. */
    private boolean negotiated;
    private final List<IceCandidate> pending = new ArrayList<>();

    EndpointSlot(String participantId, String publisherId) {
        this.participantId = participantId;
        this.publisherId = publisherId;
    }

    boolean isPublisher() {
        return participantId.equals(publisherId);
    }

    void toBrowser(Consumer<IceCandidate> consumer) {
        this.toBrowser = consumer;
    }

    /** Passes a candidate that the media server gathered to the browser; called on kurento-client threads. */
    void sendToBrowser(IceCandidate candidate) {
        toBrowser.accept(candidate);
    }

    synchronized WebRtcEndpoint endpoint() {
        return endpoint;
    }

    synchronized boolean isNegotiated() {
        return negotiated;
    }

    /** Sets a new endpoint that has not yet seen an offer; browser candidates queue until {@link #negotiated()}. */
    synchronized void attach(WebRtcEndpoint created) {
        this.endpoint = created;
        this.negotiated = false;
    }

    /** Forgets the endpoint and the queue, after a restart or when it is replaced; returns the old endpoint. */
    synchronized WebRtcEndpoint detach() {
        WebRtcEndpoint old = endpoint;
        endpoint = null;
        negotiated = false;
        pending.clear();
        return old;
    }

    /** Marks the offer as processed and returns the candidates queued so far, which the caller must add. */
    synchronized List<IceCandidate> negotiated() {
        negotiated = true;
        List<IceCandidate> queued = List.copyOf(pending);
        pending.clear();
        return queued;
    }

    /**
     * Queues a browser candidate unless the endpoint can take it now.
     *
     * @return the endpoint to add the candidate to, or null when it was queued
     */
    synchronized WebRtcEndpoint queueOrTarget(IceCandidate candidate) {
        if (endpoint != null && negotiated) {
            return endpoint;
        }
        pending.add(candidate);
        return null;
    }

    @Override
    public String toString() {
        return isPublisher() ? "publisher " + participantId : participantId + "'s subscription to " + publisherId;
    }
}
