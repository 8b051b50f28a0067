package vn.langso.conferencing;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Rooms without a media server: browsers connect to each other and the backend only relays signalling.
 * Each browser sends its media to every other one, so a room is limited to {@value #MAX_PARTICIPANTS}
 * participants; a fresh install without Kurento still has working rooms.
 */
public final class PeerToPeerMediaServer implements MediaServer {

    /** Full mesh of four: each browser uploads three streams, about what a rural uplink carries. */
    public static final int MAX_PARTICIPANTS = 4;

    @Override
    public String name() {
        return "peer-to-peer";
    }

    @Override
    public int maxParticipantsPerRoom() {
        return MAX_PARTICIPANTS;
    }

    @Override
    public boolean isRelayOnly() {
        return true;
    }

    @Override
    public Mono<MediaSession> openRoom(String roomId) {
        Objects.requireNonNull(roomId, "roomId");
        return Mono.fromSupplier(() -> new RelaySession(roomId, this));
    }

    /** A session that handles no media; only {@link #close} and {@link #events()} do anything. */
    private static final class RelaySession implements MediaSession {

        private final String roomId;
        private final MediaServer server;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Sinks.Many<MediaEvent> events =
                Sinks.many().multicast().onBackpressureBuffer(Queues.SMALL_BUFFER_SIZE, false);

        RelaySession(String roomId, MediaServer server) {
            this.roomId = roomId;
            this.server = server;
        }

        @Override
        public String roomId() {
            return roomId;
        }

        @Override
        public MediaServer server() {
            return server;
        }

        @Override
        public Mono<String> publish(String participantId, String sdpOffer, Consumer<IceCandidate> toBrowser) {
            return Mono.just("");
        }

        @Override
        public Mono<String> subscribe(String subscriberId, String publisherId, String sdpOffer,
                Consumer<IceCandidate> toBrowser) {
            return Mono.just("");
        }

        @Override
        public Mono<Void> addIceCandidate(String participantId, String publisherId, IceCandidate candidate) {
            return Mono.empty();
        }

        @Override
        public Mono<Recording> startRecording() {
            return Mono.error(new UnsupportedOperationException(
                    "Room " + roomId + " runs peer-to-peer and cannot be recorded; configure a Kurento media server"));
        }

        @Override
        public Mono<Recording> stopRecording() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> leave(String participantId) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> close(CloseReason reason) {
            return Mono.fromRunnable(() -> {
                if (closed.compareAndSet(false, true)) {
                    events.emitNext(new MediaEvent.Closed(roomId, reason), Sinks.EmitFailureHandler.FAIL_FAST);
                    events.emitComplete(Sinks.EmitFailureHandler.FAIL_FAST);
                }
            });
        }

        @Override
        public Flux<MediaEvent> events() {
            return events.asFlux();
        }
    }
}
