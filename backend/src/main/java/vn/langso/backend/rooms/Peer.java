package vn.langso.backend.rooms;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.conferencing.ParticipantRole;

/**
 * One signalling connection: a participant in a room or a guest in its lobby. Messages to it are queued in a
 * bounded buffer; a client that lets it fill up is removed instead of holding the room's memory.
 */
final class Peer {

    private static final Logger log = LoggerFactory.getLogger(Peer.class);

    enum State { CONNECTED, LOBBY, JOINED, GONE }

    private final String id = Tokens.newParticipantId();
    private final Sinks.Many<String> outbound;
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private final Sinks.Empty<Void> ended = Sinks.empty();
    private volatile long lastSeenNanos = System.nanoTime();

    // Written once by the join, read by the room under its lock.
    private volatile String displayName = "";
    private volatile String accountId;
    private volatile ParticipantRole role = ParticipantRole.LISTENER;
    private volatile State state = State.CONNECTED;
    private volatile long lobbyEntryId;

    // Changed by the participant's own messages, read for the participant list.
    volatile boolean handRaised;
    volatile boolean audio = true;
    volatile boolean video = true;
    volatile boolean screen;
    volatile String bandwidthMode = "off";

    Peer(int bufferSize) {
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(bufferSize).get());
    }

    String id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    String accountId() {
        return accountId;
    }

    ParticipantRole role() {
        return role;
    }

    State state() {
        return state;
    }

    long lobbyEntryId() {
        return lobbyEntryId;
    }

    void identify(String displayName, String accountId, ParticipantRole role) {
        this.displayName = displayName;
        this.accountId = accountId;
        this.role = role;
    }

    void enterLobby(long entryId) {
        this.lobbyEntryId = entryId;
        this.state = State.LOBBY;
    }

    void markJoined() {
        this.state = State.JOINED;
    }

    void markGone() {
        this.state = State.GONE;
    }

    /** Records that the client sent something, which proves the connection is alive. */
    void touch() {
        lastSeenNanos = System.nanoTime();
    }

    long silentNanos() {
        return System.nanoTime() - lastSeenNanos;
    }

    /** Queues a message; ends the connection when the client does not read fast enough. Thread-safe. */
    void send(ObjectNode message) {
        String text = message.toString();
        Sinks.EmitResult result;
        synchronized (outbound) {
            result = outbound.tryEmitNext(text);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            log.warn("Participant {} reads too slowly; closing its connection", id);
            end("too-slow");
        }
    }

    Flux<String> outbound() {
        return outbound.asFlux();
    }

    /**
     * Ends the connection once; the first reason wins. The signalling handler then leaves the room with this
     * reason, sends what is queued and closes the WebSocket.
     */
    void end(String reason) {
        if (endReason.compareAndSet(null, reason)) {
            ended.tryEmitEmpty();
        }
    }

    /** Completes the outbound queue after the last message, so that the WebSocket closes once it is sent. */
    void completeOutbound() {
        synchronized (outbound) {
            outbound.tryEmitComplete();
        }
    }

    String endReason() {
        return endReason.get();
    }

    /**
     * Completes after {@link #end}, on another thread, so that the room lock held by the thread that ended the peer
     * is released before the peer leaves.
     */
    reactor.core.publisher.Mono<Void> whenEnded() {
        return ended.asMono().publishOn(reactor.core.scheduler.Schedulers.parallel());
    }
}
