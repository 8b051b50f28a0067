package vn.langso.backend.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;
import vn.langso.backend.live.LiveChannel;
import vn.langso.backend.live.LiveEvent;

/**
 * Heartbeats set a camera online, a camera whose heartbeats stop is marked offline by the scheduled check, and each
 * change reaches subscribers of the live stream.
 */
@TestPropertySource(properties = {"langso.cameras.offline-after=3s", "langso.cameras.heartbeat-check-interval=200ms"})
class CameraHeartbeatApiTest extends CameraApiTestSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() { };
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Event loops of the live-stream client, apart from Reactor Netty's global ones (see ApiTestSupport). */
    private static final LoopResources STREAM_LOOPS = LoopResources.create("camera-live-test", 1, true);

    @Autowired
    private LiveChannel channel;

    private final Queue<ServerSentEvent<Map<String, Object>>> events = new ConcurrentLinkedQueue<>();
    private Disposable subscription;

    /**
     * Subscribes to the cameras topic and waits until a probe published on the channel arrives, so that no later
     * event can be missed. The server sends the stream's headers only with its first event, so the test does not
     * wait for the headers.
     */
    private void subscribe() throws InterruptedException {
        WebClient webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().runOn(STREAM_LOOPS)))
                .baseUrl("http://127.0.0.1:" + port())
                .build();
        subscription = webClient.get().uri("/api/v1/live?topics=cameras")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(EVENT)
                .subscribe(events::add);
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            channel.publish(LiveEvent.now(CameraLiveEvents.TOPIC, "probe", Map.of()));
            Thread.sleep(100);
            if (events.stream().anyMatch(event -> "cameras.probe".equals(event.event()))) {
                events.clear();
                return;
            }
        }
        throw new AssertionError("The live stream delivered no probe within " + WAIT);
    }

    @AfterEach
    void unsubscribe() {
        if (subscription != null) {
            subscription.dispose();
        }
    }

    @Test
    void onlineMissedOfflineOnline() throws InterruptedException {
        subscribe();
        postHeartbeat(heartbeat("cam-1", "online", Instant.now())).expect(204);

        Map<String, Object> online = nextStatus();
        assertThat(online).containsEntry("camera", "cam-1").containsEntry("status", "online")
                .containsEntry("reason", "heartbeat");
        assertThat(query("SELECT status FROM camera WHERE source_key = 'cam-1'")).containsExactly("online");

        Map<String, Object> offline = nextStatus();
        assertThat(offline).containsEntry("camera", "cam-1").containsEntry("status", "offline")
                .containsEntry("reason", "missed-heartbeats");
        assertThat(query("SELECT status FROM camera WHERE source_key = 'cam-1'")).containsExactly("offline");
        assertThat(get("/api/v1/cameras/cam-1").expect(200).path("streamStatus").asString()).isEqualTo("offline");

        postHeartbeat(heartbeat("cam-1", "online", Instant.now())).expect(204);

        Map<String, Object> back = nextStatus();
        assertThat(back).containsEntry("camera", "cam-1").containsEntry("status", "online");
        assertThat(query("SELECT status FROM camera WHERE source_key = 'cam-1'")).containsExactly("online");
    }

    @Test
    void heartbeatStoresFpsAndSkippedFrames() {
        Instant at = Instant.now();
        postHeartbeat(heartbeat("cam-2", "connecting", at)).expect(204);

        assertThat(query("SELECT stream_status || ' ' || fps || ' ' || skipped_frames || ' ' || message"
                + " FROM camera_stream WHERE camera_key = 'cam-2'")).containsExactly("connecting 9.8 12 line one line two");
        assertThat(query("SELECT status FROM camera WHERE source_key = 'cam-2'")).containsExactly("offline");
    }

    @Test
    void olderHeartbeatIgnored() {
        Instant now = Instant.now();
        postHeartbeat(heartbeat("cam-3", "online", now)).expect(204);
        postHeartbeat(heartbeat("cam-3", "offline", now.minusSeconds(30))).expect(204);

        assertThat(query("SELECT stream_status FROM camera_stream WHERE camera_key = 'cam-3'")).containsExactly("online");
    }

    @Test
    void invalidHeartbeatRejected() {
        Posted response = postHeartbeat("""
                {"agentId": "agent-1", "cameraId": "cam-1", "status": "sleeping", "fps": -1, "skippedFrames": 1.5,
                 "at": "now"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").toString())
                .contains("status").contains("fps").contains("skippedFrames").contains("\"at\"");
    }

    @Test
    void heartbeatOfUnknownCameraRejected() {
        Posted response = postHeartbeat(heartbeat("cam-unknown", "online", Instant.now()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").get(0).path("name").asString()).isEqualTo("cameraId");
    }

    /** Waits for the next status event and returns its data. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> nextStatus() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            ServerSentEvent<Map<String, Object>> event = events.poll();
            if (event != null && "cameras.status".equals(event.event())) {
                return (Map<String, Object>) event.data().get("data");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No cameras.status event within " + WAIT);
    }

    private static String heartbeat(String camera, String status, Instant at) {
        return """
                {"agentId": "agent-1", "cameraId": "%s", "status": "%s", "fps": 9.8, "skippedFrames": 12,
                 "at": "%s", "message": "line one\\nline two"}""".formatted(camera, status, at);
    }
}
