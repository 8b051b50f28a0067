package vn.langso.conferencing.kurento;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kurento.client.MediaPipeline;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.WebRtcEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.conferencing.MediaEvent;
import vn.langso.conferencing.Recording;

/**
 * Records a room: one {@link RecorderEndpoint} per publisher, fed from the publisher's WebRTC endpoint, all
 * files of one recording in one folder. The recorder's monitor guards the running recording; it is never held
 * during a media server call.
 */
final class RoomRecorder {

    private static final Logger log = LoggerFactory.getLogger(RoomRecorder.class);
    private static final DateTimeFormatter RECORDING_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String roomId;
    private final KurentoMediaServer server;
    private final KurentoElements elements;
    private final Clock clock;
    private final Consumer<MediaEvent> emitter;
    /** The running recording, or null. */
    private RoomRecording running;

    RoomRecorder(String roomId, KurentoMediaServer server, KurentoElements elements, Clock clock,
            Consumer<MediaEvent> emitter) {
        this.roomId = roomId;
        this.server = server;
        this.elements = elements;
        this.clock = clock;
        this.emitter = emitter;
    }

    /**
     * Starts recording the given publishers and emits {@link MediaEvent.RecordingStarted}.
     *
     * @param publishers the room's publishers as (participant id, endpoint) pairs
     */
    Mono<Recording> start(MediaPipeline pipeline, List<Map.Entry<String, WebRtcEndpoint>> publishers) {
        return Mono.defer(() -> {
            RoomRecording target;
            synchronized (this) {
                if (running != null) {
                    return Mono.error(new IllegalStateException("Room " + roomId + " is already being recorded ("
                            + running.id + "); stop that recording first"));
                }
                target = new RoomRecording(roomId + "-" + RECORDING_TIME.format(clock.instant()), clock.instant());
                running = target;
            }
            return Flux.fromIterable(publishers)
                    .concatMap(publisher -> add(target, pipeline, publisher.getKey(), publisher.getValue()))
                    .then(Mono.fromSupplier(() -> {
                        Recording started = snapshot(target, false);
                        log.info("Recording {} of room {} started with {} files", started.id(), roomId,
                                started.files().size());
                        emitter.accept(new MediaEvent.RecordingStarted(roomId, started));
                        return started;
                    }));
        });
    }

    /** Stops the running recording and emits {@link MediaEvent.RecordingStopped}; empty when none runs. */
    Mono<Recording> stop() {
        return Mono.defer(() -> {
            RoomRecording target;
            synchronized (this) {
                target = running;
                running = null;
            }
            if (target == null) {
                return Mono.empty();
            }
            List<Map.Entry<String, RecorderEndpoint>> recorders;
            synchronized (this) {
                recorders = List.copyOf(target.recordersByPublisher.entrySet());
            }
            return Flux.fromIterable(recorders)
                    .concatMap(entry -> elements.stopRecorder(entry.getValue(), entry.getKey() + " in room " + roomId))
                    .then(Mono.fromSupplier(() -> {
                        Recording stopped = snapshot(target, true);
                        log.info("Recording {} of room {} stopped with {} files", stopped.id(), roomId,
                                stopped.files().size());
                        emitter.accept(new MediaEvent.RecordingStopped(roomId, stopped));
                        return stopped;
                    }));
        });
    }

    /**
     * Feeds a publisher's (new) endpoint to the running recording: to its existing recorder, or to a new one.
     * Does nothing when no recording runs.
     */
    Mono<Void> addPublisher(MediaPipeline pipeline, String publisherId, WebRtcEndpoint endpoint) {
        return Mono.defer(() -> {
            RoomRecording target;
            RecorderEndpoint existing;
            synchronized (this) {
                target = running;
                existing = target == null ? null : target.recordersByPublisher.get(publisherId);
            }
            if (target == null) {
                return Mono.empty();
            }
            if (existing != null) {
                return elements.connect(endpoint, existing, publisherId + " to its recorder");
            }
            return add(target, pipeline, publisherId, endpoint);
        });
    }

    /** Stops and releases a leaving publisher's recorder; the recording goes on for the others. */
    Mono<Void> removePublisher(String publisherId) {
        return Mono.defer(() -> {
            RecorderEndpoint recorder;
            synchronized (this) {
                recorder = running == null ? null : running.recordersByPublisher.remove(publisherId);
            }
            return recorder == null ? Mono.empty()
                    : elements.stopRecorder(recorder, publisherId + " in room " + roomId);
        });
    }

    /** Forgets the recorders that the media server lost; the rebuild gives each publisher a new file. */
    synchronized void forgetRecorders() {
        if (running != null) {
            running.recordersByPublisher.clear();
        }
    }

    private Mono<Void> add(RoomRecording target, MediaPipeline pipeline, String publisherId, WebRtcEndpoint endpoint) {
        URI file;
        synchronized (this) {
            file = server.recordingFile(roomId, target.id, publisherId, target.fileCount(publisherId));
        }
        return elements.startRecorder(pipeline, endpoint, file, publisherId + " in room " + roomId)
                .doOnNext(recorder -> {
                    synchronized (this) {
                        target.add(publisherId, recorder, file);
                    }
                })
                .then();
    }

    private synchronized Recording snapshot(RoomRecording target, boolean stopped) {
        return target.snapshot(roomId, stopped ? clock.instant() : null);
    }
}
