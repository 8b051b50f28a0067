package vn.langso.conferencing.kurento;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.kurento.client.MediaPipeline;
import org.kurento.client.WebRtcEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;
import vn.langso.conferencing.CloseReason;
import vn.langso.conferencing.IceCandidate;
import vn.langso.conferencing.MediaEvent;
import vn.langso.conferencing.MediaServer;
import vn.langso.conferencing.MediaServerException;
import vn.langso.conferencing.MediaSession;
import vn.langso.conferencing.Recording;

/**
 * One room on Kurento: one media pipeline, one WebRTC endpoint per publisher, and one per subscription fed
 * from the publisher's endpoint. Every method returns at once; the media server calls run on the
 * {@link KurentoCalls} scheduler.
 *
 * <p>{@link #lock} guards the pipeline, the slot maps and the closed flag. It is never held during a media
 * server call.
 */
final class KurentoRoom implements MediaSession {

    private static final Logger log = LoggerFactory.getLogger(KurentoRoom.class);

    private final String roomId;
    private final KurentoMediaServer server;
    private final KurentoElements elements;
    private final RoomRecorder recorder;
    private final Sinks.Many<MediaEvent> events =
            Sinks.many().multicast().onBackpressureBuffer(Queues.SMALL_BUFFER_SIZE, false);

    private final Object lock = new Object();
    private MediaPipeline pipeline;
    private final Map<String, EndpointSlot> publishers = new LinkedHashMap<>();
    private final Map<List<String>, EndpointSlot> subscriptions = new LinkedHashMap<>();
    private boolean closed;
    private boolean rebuilding;

    KurentoRoom(String roomId, KurentoMediaServer server, KurentoElements elements, MediaPipeline pipeline,
            Clock clock) {
        this.roomId = roomId;
        this.server = server;
        this.elements = elements;
        this.pipeline = pipeline;
        this.recorder = new RoomRecorder(roomId, server, elements, clock, this::emit);
    }

    @Override
    public String roomId() {
        return roomId;
    }

    @Override
    public MediaServer server() {
        return server;
    }

    // ---- publishing and subscribing

    @Override
    public Mono<String> publish(String participantId, String sdpOffer, Consumer<IceCandidate> toBrowser) {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(sdpOffer, "sdpOffer");
        return Mono.defer(() -> {
            EndpointSlot slot;
            WebRtcEndpoint replaced;
            MediaPipeline current;
            synchronized (lock) {
                requireOpen();
                current = pipeline;
                slot = publishers.get(participantId);
                replaced = null;
                if (slot == null || slot.isNegotiated()) {
                    replaced = slot == null ? null : slot.detach();
                    slot = slot == null ? new EndpointSlot(participantId, participantId) : slot;
                    publishers.put(participantId, slot);
                }
            }
            slot.toBrowser(toBrowser);
            EndpointSlot publisher = slot;
            WebRtcEndpoint old = replaced;
            return endpointOf(current, publisher)
                    .flatMap(endpoint -> negotiate(endpoint, publisher, sdpOffer)
                            .flatMap(answer -> connectPublisher(current, endpoint, participantId)
                                    .then(elements.release(old, "the replaced endpoint of " + publisher))
                                    .thenReturn(answer)));
        }).onErrorMap(error -> failure(error, "publishing " + participantId));
    }

    @Override
    public Mono<String> subscribe(String subscriberId, String publisherId, String sdpOffer,
            Consumer<IceCandidate> toBrowser) {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(publisherId, "publisherId");
        Objects.requireNonNull(sdpOffer, "sdpOffer");
        return Mono.defer(() -> {
            EndpointSlot slot;
            WebRtcEndpoint replaced = null;
            WebRtcEndpoint source;
            MediaPipeline current;
            synchronized (lock) {
                requireOpen();
                current = pipeline;
                EndpointSlot publisher = publishers.get(publisherId);
                source = publisher == null ? null : publisher.endpoint();
                if (source == null) {
                    throw new MediaServerException("Participant " + publisherId + " has not published in room "
                            + roomId + "; subscribe after their publish completed");
                }
                slot = subscriptions.get(List.of(subscriberId, publisherId));
                if (slot == null || slot.isNegotiated()) {
                    replaced = slot == null ? null : slot.detach();
                    slot = slot == null ? new EndpointSlot(subscriberId, publisherId) : slot;
                    subscriptions.put(List.of(subscriberId, publisherId), slot);
                }
            }
            slot.toBrowser(toBrowser);
            EndpointSlot subscription = slot;
            WebRtcEndpoint old = replaced;
            return endpointOf(current, subscription)
                    .flatMap(endpoint -> elements.connect(source, endpoint, publisherId + " to " + subscription)
                            .then(negotiate(endpoint, subscription, sdpOffer)))
                    .flatMap(answer -> elements.release(old, "the replaced endpoint of " + subscription)
                            .thenReturn(answer));
        }).onErrorMap(error -> failure(error, "subscribing " + subscriberId + " to " + publisherId));
    }

    @Override
    public Mono<Void> addIceCandidate(String participantId, String publisherId, IceCandidate candidate) {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(candidate, "candidate");
        return Mono.defer(() -> {
            EndpointSlot slot;
            synchronized (lock) {
                requireOpen();
                boolean own = publisherId == null || publisherId.equals(participantId);
                if (own) {
                    slot = publishers.computeIfAbsent(participantId, id -> new EndpointSlot(id, id));
                } else {
                    slot = subscriptions.computeIfAbsent(List.of(participantId, publisherId),
                            key -> new EndpointSlot(participantId, publisherId));
                }
            }
            WebRtcEndpoint target = slot.queueOrTarget(candidate);
            return target == null ? Mono.<Void>empty() : elements.addIceCandidate(target, candidate, slot + " in room " + roomId);
        }).onErrorMap(error -> failure(error, "adding an ICE candidate of " + participantId));
    }

    /** Returns the slot's endpoint when it has one not yet negotiated (after a rebuild), otherwise creates one. */
    private Mono<WebRtcEndpoint> endpointOf(MediaPipeline current, EndpointSlot slot) {
        WebRtcEndpoint existing = slot.endpoint();
        return existing != null ? Mono.just(existing) : elements.createWebRtcEndpoint(current, slot, roomId);
    }

    /** Processes the offer, adds the candidates queued meanwhile and starts gathering the server's own. */
    private Mono<String> negotiate(WebRtcEndpoint endpoint, EndpointSlot slot, String sdpOffer) {
        String where = slot + " in room " + roomId;
        return elements.processOffer(endpoint, sdpOffer, where)
                .flatMap(answer -> Flux.fromIterable(slot.negotiated())
                        .concatMap(candidate -> elements.addIceCandidate(endpoint, candidate, where))
                        .then(elements.gatherCandidates(endpoint, where))
                        .thenReturn(answer));
    }

    /** Feeds a (new) publisher endpoint to the existing subscriptions to it and to a running recording. */
    private Mono<Void> connectPublisher(MediaPipeline current, WebRtcEndpoint endpoint, String publisherId) {
        List<EndpointSlot> subscribers;
        synchronized (lock) {
            subscribers = subscriptions.values().stream()
                    .filter(s -> s.publisherId.equals(publisherId) && s.endpoint() != null)
                    .toList();
        }
        return Flux.fromIterable(subscribers)
                .concatMap(s -> elements.connect(endpoint, s.endpoint(), publisherId + " to " + s))
                .then(recorder.addPublisher(current, publisherId, endpoint));
    }

    // ---- leaving and closing

    @Override
    public Mono<Void> leave(String participantId) {
        Objects.requireNonNull(participantId, "participantId");
        return Mono.defer(() -> {
            List<EndpointSlot> removed = new ArrayList<>();
            synchronized (lock) {
                if (closed) {
                    return Mono.<Void>empty();
                }
                EndpointSlot own = publishers.remove(participantId);
                if (own != null) {
                    removed.add(own);
                }
                subscriptions.values().removeIf(s -> {
                    boolean involved = s.participantId.equals(participantId) || s.publisherId.equals(participantId);
                    if (involved) {
                        removed.add(s);
                    }
                    return involved;
                });
            }
            return recorder.removePublisher(participantId).then(Flux.fromIterable(removed)
                    .concatMap(slot -> elements.release(slot.detach(), slot + " in room " + roomId))
                    .then());
        });
    }

    @Override
    public Mono<Void> close(CloseReason reason) {
        Objects.requireNonNull(reason, "reason");
        return Mono.defer(() -> {
            MediaPipeline released;
            synchronized (lock) {
                if (closed) {
                    return Mono.<Void>empty();
                }
                closed = true;
                released = pipeline;
                publishers.clear();
                subscriptions.clear();
            }
            log.info("Closing room {} on Kurento: {}", roomId, reason);
            // Neither step raises: failures are logged, and the pipeline's release frees what is left.
            return recorder.stop()
                    .then(elements.release(released, "the pipeline of room " + roomId))
                    .then(Mono.fromRunnable(() -> {
                        server.forget(this);
                        emit(new MediaEvent.Closed(roomId, reason));
                        synchronized (events) {
                            events.tryEmitComplete();
                        }
                    }));
        });
    }

    @Override
    public Flux<MediaEvent> events() {
        return events.asFlux();
    }

    // ---- recording

    @Override
    public Mono<Recording> startRecording() {
        return Mono.defer(() -> {
            List<Map.Entry<String, WebRtcEndpoint>> toRecord = new ArrayList<>();
            MediaPipeline current;
            synchronized (lock) {
                requireOpen();
                current = pipeline;
                for (EndpointSlot slot : publishers.values()) {
                    WebRtcEndpoint endpoint = slot.endpoint();
                    if (endpoint != null) {
                        toRecord.add(Map.entry(slot.publisherId, endpoint));
                    }
                }
            }
            return recorder.start(current, toRecord);
        }).onErrorMap(error -> failure(error, "starting a recording"));
    }

    @Override
    public Mono<Recording> stopRecording() {
        return recorder.stop();
    }

    // ---- rebuilding after the media server lost the room

    /**
     * Rebuilds the pipeline, every endpoint and connection and a running recording on a new session, then requests
     * a renegotiation from every browser. Does nothing while a rebuild runs or after close. After three failed
     * attempts the room closes with {@link CloseReason#MEDIA_SERVER_FAILED}.
     */
    void rebuild(String cause) {
        synchronized (lock) {
            if (closed || rebuilding) {
                return;
            }
            rebuilding = true;
        }
        log.warn("Rebuilding room {} on Kurento because {}", roomId, cause);
        new RoomRebuild(this, elements).run()
                .retryWhen(Retry.backoff(3, Duration.ofSeconds(1)))
                .subscribe(
                        renegotiations -> {
                            synchronized (lock) {
                                rebuilding = false;
                            }
                            log.info("Room {} rebuilt; asking {} endpoints to renegotiate", roomId, renegotiations.size());
                            renegotiations.forEach(this::emit);
                        },
                        error -> {
                            synchronized (lock) {
                                rebuilding = false;
                            }
                            log.error("Rebuilding room {} on Kurento failed; closing it", roomId, error);
                            close(CloseReason.MEDIA_SERVER_FAILED).subscribe();
                        });
    }

    // Accessors for RoomRebuild; callers hold no lock.

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    List<EndpointSlot> publisherSlots() {
        synchronized (lock) {
            return List.copyOf(publishers.values());
        }
    }

    List<EndpointSlot> subscriptionSlots() {
        synchronized (lock) {
            return List.copyOf(subscriptions.values());
        }
    }

    /** Swaps in the rebuilt pipeline and returns the old one; a running recording gets new recorders. */
    MediaPipeline replacePipeline(MediaPipeline rebuilt) {
        recorder.forgetRecorders();
        synchronized (lock) {
            MediaPipeline old = pipeline;
            pipeline = rebuilt;
            return old;
        }
    }

    Mono<Void> recordAgain(MediaPipeline rebuilt, String publisherId, WebRtcEndpoint endpoint) {
        return recorder.addPublisher(rebuilt, publisherId, endpoint);
    }

    KurentoMediaServer kurento() {
        return server;
    }

    // ---- helpers

    private void requireOpen() {
        if (closed) {
            throw new MediaServerException("Room " + roomId + " is closed on the media server");
        }
    }

    private void emit(MediaEvent event) {
        synchronized (events) {
            events.tryEmitNext(event);
        }
    }

    /**
     * Maps a failure to the error the caller gets, and starts a rebuild when the media server lost the room's
     * objects.
     */
    private Throwable failure(Throwable error, String operation) {
        if (KurentoCalls.isLostObjects(error)) {
            rebuild("the media server lost its objects while " + operation);
            return new MediaServerException("The media server lost room " + roomId + " while " + operation
                    + "; the room is being rebuilt and every participant will be asked to renegotiate", error);
        }
        if (error instanceof MediaServerException || error instanceof IllegalStateException) {
            return error;
        }
        return new MediaServerException("Room " + roomId + ": " + operation + " failed: " + error, error);
    }
}
