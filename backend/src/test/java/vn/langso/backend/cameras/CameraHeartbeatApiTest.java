package vn.langso.backend.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Heartbeats set a camera online, a camera whose heartbeats stop is marked offline by the scheduled check, and each
 * change reaches subscribers of the live stream. This context also has a small body limit for the size check.
 */
@TestPropertySource(properties = {"langso.cameras.offline-after=3s", "langso.cameras.heartbeat-check-interval=200ms",
        "langso.cameras.max-batch-bytes=4096"})
class CameraHeartbeatApiTest extends CameraApiTestSupport {

    @Test
    void onlineMissedOfflineOnline() throws InterruptedException {
        subscribeLive();
        postHeartbeat(heartbeat("cam-1", "online", Instant.now())).expect(204);

        Map<String, Object> online = nextLiveData("cameras.status");
        assertThat(online).containsEntry("camera", "cam-1").containsEntry("status", "online")
                .containsEntry("reason", "heartbeat");
        assertThat(query("SELECT status FROM camera WHERE source_key = 'cam-1'")).containsExactly("online");

        Map<String, Object> offline = nextLiveData("cameras.status");
        assertThat(offline).containsEntry("camera", "cam-1").containsEntry("status", "offline")
                .containsEntry("reason", "missed-heartbeats");
        assertThat(query("SELECT status FROM camera WHERE source_key = 'cam-1'")).containsExactly("offline");
        assertThat(get("/api/v1/cameras/cam-1").expect(200).path("streamStatus").asString()).isEqualTo("offline");

        postHeartbeat(heartbeat("cam-1", "online", Instant.now())).expect(204);

        Map<String, Object> back = nextLiveData("cameras.status");
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
        Response response = postHeartbeat("""
                {"agentId": "agent-1", "cameraId": "cam-1", "status": "sleeping", "fps": -1, "skippedFrames": 1.5,
                 "at": "now"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").toString())
                .contains("status").contains("fps").contains("skippedFrames").contains("\"at\"");
    }

    @Test
    void heartbeatOfUnknownCameraRejected() {
        Response response = postHeartbeat(heartbeat("cam-unknown", "online", Instant.now()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").get(0).path("name").asString()).isEqualTo("cameraId");
    }

    @Test
    void oversizedBatchRejected() {
        String padding = "x".repeat(5000);
        Response response = postBatch("""
                {"agentId": "agent-1", "cameraId": "cam-1", "sequence": 1, "sentAt": "2026-12-04T10:00:00Z",
                 "padding": "%s"}""".formatted(padding));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(count("camera_batch")).isZero();
    }

    private static String heartbeat(String camera, String status, Instant at) {
        return """
                {"agentId": "agent-1", "cameraId": "%s", "status": "%s", "fps": 9.8, "skippedFrames": 12,
                 "at": "%s", "message": "line one\\nline two"}""".formatted(camera, status, at);
    }
}
