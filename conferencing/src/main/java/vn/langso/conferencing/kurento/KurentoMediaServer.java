package vn.langso.conferencing.kurento;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kurento.client.MediaPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.langso.conferencing.CloseReason;
import vn.langso.conferencing.MediaServer;
import vn.langso.conferencing.MediaSession;

/**
 * Rooms on Kurento Media Server through kurento-client. The connection is opened by the first
 * {@link #openRoom}; every media server call runs on this server's own scheduler with the request timeout.
 * When kurento-client reconnects to a server that lost this client's session (a restart), every open room
 * rebuilds its pipeline and requests a renegotiation from its participants.
 */
public final class KurentoMediaServer implements MediaServer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KurentoMediaServer.class);

    private final KurentoSettings settings;
    private final Clock clock;
    private final Scheduler scheduler;
    private final KurentoCalls calls;
    private final KurentoElements elements;
    private final KurentoConnector connector;
    private final Set<KurentoRoom> rooms = ConcurrentHashMap.newKeySet();

    public KurentoMediaServer(KurentoSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public KurentoMediaServer(KurentoSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Calls may block while kurento-client reconnects, so they get threads of their own.
        this.scheduler = Schedulers.newBoundedElastic(16, 10_000, "kurento-calls", 60, true);
        this.calls = new KurentoCalls(scheduler, settings.requestTimeout());
        this.elements = new KurentoElements(settings, calls);
        this.connector = new KurentoConnector(settings, this::reconnected);
    }

    @Override
    public String name() {
        return "kurento";
    }

    @Override
    public int maxParticipantsPerRoom() {
        return settings.maxParticipantsPerRoom();
    }

    @Override
    public boolean isRelayOnly() {
        return false;
    }

    public KurentoSettings settings() {
        return settings;
    }

    @Override
    public Mono<MediaSession> openRoom(String roomId) {
        Objects.requireNonNull(roomId, "roomId");
        return createPipeline(roomId).map(pipeline -> {
            KurentoRoom room = new KurentoRoom(roomId, this, elements, pipeline, clock);
            rooms.add(room);
            log.info("Opened room {} on Kurento at {}", roomId, settings.url());
            return room;
        });
    }

    /** Rooms open now, for diagnostics. */
    public int openRooms() {
        return rooms.size();
    }

    Mono<MediaPipeline> createPipeline(String roomId) {
        return connector.client().flatMap(client -> calls.<MediaPipeline>call(
                "creating the media pipeline of room " + roomId, client::createMediaPipeline));
    }

    /**
     * Returns the {@code file://} URI of a publisher's next file in a recording, named
     * {@code <recordingsFolder>/<room>/<recording>/<publisher>.<extension>}. A publisher's later files (after a
     * restart, or after leaving and coming back) get {@code -2}, {@code -3} and so on before the extension.
     */
    URI recordingFile(String roomId, String recordingId, String publisherId, int publisherFilesSoFar) {
        String name = safeName(publisherId) + (publisherFilesSoFar == 0 ? "" : "-" + (publisherFilesSoFar + 1));
        // Concatenated instead of URI.resolve, which turns file:///x into file:/x; Kurento expects file:///x.
        return URI.create(settings.recordingsFolder() + safeName(roomId) + "/" + safeName(recordingId) + "/" + name
                + "." + settings.recordingExtension());
    }

    void forget(KurentoRoom room) {
        rooms.remove(room);
    }

    private void reconnected(boolean sameServer) {
        if (sameServer) {
            return;
        }
        for (KurentoRoom room : List.copyOf(rooms)) {
            room.rebuild("the media server lost this client's session (for example it restarted)");
        }
    }

    /**
     * Closes every room, then the connection and the scheduler. Blocks up to 10 s while the rooms close, so
     * call it at shutdown and never on an event loop.
     */
    @Override
    public void close() {
        try {
            Flux.fromIterable(List.copyOf(rooms))
                    .flatMap(room -> room.close(CloseReason.SHUTDOWN).onErrorResume(error -> Mono.empty()))
                    .then()
                    .block(Duration.ofSeconds(10));
        } catch (RuntimeException error) {
            log.warn("Closing rooms on Kurento at {} failed: {}", settings.url(), error.toString());
        } finally {
            connector.close();
            scheduler.dispose();
        }
    }

    /** Keeps letters, digits, '-' and '_' of an id, so that it is safe as a file name. */
    static String safeName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
