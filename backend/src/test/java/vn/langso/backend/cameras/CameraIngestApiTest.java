package vn.langso.backend.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The batch ingest stores each batch exactly once, rejects invalid batches whole and requires an agent key. */
class CameraIngestApiTest extends CameraApiTestSupport {

    private static final String DAY = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeEach
    void emptyTables() {
        execute("DELETE FROM camera_violation", "DELETE FROM camera_detection", "DELETE FROM camera_count",
                "DELETE FROM camera_batch");
    }

    @Test
    void batchStoredOnce() {
        JsonNode first = postBatch(fullBatch("cam-1", 1, DAY)).expect(200);

        assertThat(first.path("accepted").asBoolean()).isTrue();
        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(count("camera_detection")).isEqualTo(1);
        assertThat(count("camera_count")).isEqualTo(1);
        assertThat(count("camera_violation")).isEqualTo(1);
        assertThat(query("SELECT colour || ' ' || class || ' ' || track_id FROM camera_detection"))
                .containsExactly("white car 7");
        assertThat(query("SELECT track::text FROM camera_violation"))
                .containsExactly("[[1765000000000, 1.5, 2.5], [1765000000100, 3.0, 4.0]]");
        assertThat(query("SELECT camera_key || ' ' || sequence || ' ' || detection_count || ' ' || violation_count"
                + " FROM camera_batch")).containsExactly("cam-1 1 1 1");
        assertThat(query("SELECT last_sequence >= 1 FROM camera_stream WHERE camera_key = 'cam-1'")).containsExactly("t");
    }

    @Test
    void retriedBatchIsDuplicate() {
        postBatch(fullBatch("cam-1", 5, DAY)).expect(200);
        JsonNode retry = postBatch(fullBatch("cam-1", 5, DAY)).expect(200);

        assertThat(retry.path("accepted").asBoolean()).isTrue();
        assertThat(retry.path("duplicate").asBoolean()).isTrue();
        assertThat(count("camera_batch")).isEqualTo(1);
        assertThat(count("camera_detection")).isEqualTo(1);
        assertThat(count("camera_count")).isEqualTo(1);
        assertThat(count("camera_violation")).isEqualTo(1);
    }

    @Test
    void sameSequenceOtherCameraIsStored() {
        postBatch(fullBatch("cam-1", 9, DAY)).expect(200);
        JsonNode other = postBatch(fullBatch("cam-2", 9, DAY)).expect(200);

        assertThat(other.path("duplicate").asBoolean()).isFalse();
        assertThat(count("camera_detection")).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesStoredOnce() throws Exception {
        int senders = 8;
        ExecutorService executor = Executors.newFixedThreadPool(senders);
        try {
            List<Callable<Response>> calls = java.util.stream.IntStream.range(0, senders)
                    .<Callable<Response>>mapToObj(i -> () -> postBatch(fullBatch("cam-2", 42, DAY)))
                    .toList();
            List<Future<Response>> results = executor.invokeAll(calls);
            long stored = 0;
            for (Future<Response> result : results) {
                JsonNode body = result.get().expect(200);
                if (!body.path("duplicate").asBoolean()) {
                    stored++;
                }
            }
            assertThat(stored).as("responses that stored the batch").isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(count("camera_batch")).isEqualTo(1);
        assertThat(count("camera_detection")).isEqualTo(1);
        assertThat(count("camera_count")).isEqualTo(1);
        assertThat(count("camera_violation")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"sequence\": 0",
            "\"sequence\": 1.5",
            "\"sequence\": \"one\"",
            "\"cameraId\": \"\"",
            "\"cameraId\": \"cam 1\"",
            "\"agentId\": null",
            "\"sentAt\": \"2026-12-04 10:00\"",
            "\"sentAt\": \"2026-12-04T10:00:00\"",
            "\"detections\": {}",
            "\"detections\": [{\"trackId\": 1, \"class\": \"car\", \"score\": 1.2, \"box\": [1, 2, 3, 4], \"at\": \"2026-12-04T10:00:00Z\"}]",
            "\"detections\": [{\"trackId\": 1, \"class\": \"Car\", \"score\": 0.5, \"box\": [1, 2, 3, 4], \"at\": \"2026-12-04T10:00:00Z\"}]",
            "\"detections\": [{\"trackId\": 1, \"class\": \"car\", \"score\": 0.5, \"box\": [1, 2, 3], \"at\": \"2026-12-04T10:00:00Z\"}]",
            "\"detections\": [{\"trackId\": 1, \"class\": \"car\", \"score\": 0.5, \"box\": [1, 2, -3, 4], \"at\": \"2026-12-04T10:00:00Z\"}]",
            "\"detections\": [{\"trackId\": 1, \"class\": \"car\", \"score\": 0.5, \"box\": [1, 2, 3, 4], \"at\": \"2026-12-04T10:00:00Z\", \"colour\": \"trắng\"}]",
            "\"counts\": [{\"lineId\": \"l\", \"class\": \"car\", \"direction\": \"up\", \"intervalStart\": \"2026-12-04T10:00:00Z\", \"intervalEnd\": \"2026-12-04T10:01:00Z\", \"count\": 1}]",
            "\"counts\": [{\"lineId\": \"l\", \"class\": \"car\", \"direction\": \"forward\", \"intervalStart\": \"2026-12-04T10:01:00Z\", \"intervalEnd\": \"2026-12-04T10:00:00Z\", \"count\": 1}]",
            "\"counts\": [{\"lineId\": \"l\", \"class\": \"car\", \"direction\": \"forward\", \"intervalStart\": \"2026-12-04T10:00:00Z\", \"intervalEnd\": \"2026-12-04T10:01:00Z\", \"count\": -1}]",
            "\"violations\": [{\"type\": \"speeding\", \"trackId\": 1, \"class\": \"car\", \"at\": \"2026-12-04T10:00:00Z\", \"lineId\": \"l\"}]",
            "\"violations\": [{\"type\": \"wrong_way\", \"trackId\": 1, \"class\": \"car\", \"at\": \"2026-12-04T10:00:00Z\"}]",
            "\"violations\": [{\"type\": \"no_stopping\", \"trackId\": 1, \"class\": \"car\", \"at\": \"2026-12-04T10:00:00Z\", \"zoneId\": \"z\", \"snapshotJpeg\": \"bm90IGEganBlZw==\"}]",
            "\"violations\": [{\"type\": \"no_stopping\", \"trackId\": 1, \"class\": \"car\", \"at\": \"2026-12-04T10:00:00Z\", \"zoneId\": \"z\", \"snapshotJpeg\": \"***\"}]",
            "\"violations\": [{\"type\": \"no_stopping\", \"trackId\": 1, \"class\": \"car\", \"at\": \"2026-12-04T10:00:00Z\", \"zoneId\": \"z\", \"track\": [[1, 2]]}]",
            "\"detections\": [{\"trackId\": 1, \"class\": \"car\", \"score\": 0.5, \"box\": [1, 2, 3, 4], \"at\": \"1999-12-31T10:00:00Z\"}]"})
    void invalidBatchRejectedWhole(String override) {
        String field = override.substring(1, override.indexOf('"', 1));
        String batch = batchWith(field, override);

        Response response = postBatch(batch);

        assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("invalidParams").toString()).as("field named").contains(field);
        assertThat(count("camera_batch")).isZero();
        assertThat(count("camera_detection")).isZero();
        assertThat(count("camera_count")).isZero();
        assertThat(count("camera_violation")).isZero();
    }

    @Test
    void laterInvalidItemRejectsEarlierValidOnes() {
        String batch = """
                {"agentId": "agent-1", "cameraId": "cam-1", "sequence": 77, "sentAt": "%1$sT10:00:00Z",
                 "detections": [
                   {"trackId": 1, "class": "car", "score": 0.5, "box": [1, 2, 3, 4], "at": "%1$sT10:00:00Z"},
                   {"trackId": 2, "class": "car", "score": 0.5, "box": [1, 2, 3, 4], "at": "yesterday"}]}
                """.formatted(DAY);

        Response response = postBatch(batch);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").get(0).path("name").asString()).isEqualTo("detections[1].at");
        assertThat(count("camera_detection")).isZero();
        assertThat(count("camera_batch")).isZero();
    }

    @Test
    void trackWithFloatingPointMillisAccepted() {
        String batch = """
                {"agentId": "agent-1", "cameraId": "cam-1", "sequence": 88, "sentAt": "%1$sT10:00:00Z",
                 "violations": [{"type": "no_stopping", "trackId": 4, "class": "truck", "at": "%1$sT10:00:00Z",
                                 "zoneId": "bus-stop", "track": [[1.7966375984E12, 400.0, 300.5]]}]}
                """.formatted(DAY);

        postBatch(batch).expect(200);

        assertThat(query("SELECT track::text FROM camera_violation")).containsExactly("[[1796637598400, 400.0, 300.5]]");
    }

    @Test
    void trackWithFractionalMillisRejected() {
        String batch = """
                {"agentId": "agent-1", "cameraId": "cam-1", "sequence": 89, "sentAt": "%1$sT10:00:00Z",
                 "violations": [{"type": "no_stopping", "trackId": 4, "class": "truck", "at": "%1$sT10:00:00Z",
                                 "zoneId": "bus-stop", "track": [[1796637598400.5, 400.0, 300.5]]}]}
                """.formatted(DAY);

        Response response = postBatch(batch);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").get(0).path("name").asString())
                .isEqualTo("violations[0].track[0]");
        assertThat(count("camera_violation")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "null", "\"text\""})
    void malformedBodyRejected(String body) {
        Response response = postBatch(body);

        assertThat(response.status()).as("status; body: %s", response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(count("camera_batch")).isZero();
    }

    @Test
    void unknownCameraRejected() {
        Response response = postBatch(fullBatch("cam-404", 1, DAY));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("invalidParams").get(0).path("name").asString()).isEqualTo("cameraId");
        assertThat(count("camera_batch")).isZero();
    }

    @Test
    void unknownAgentKeyUnauthorized() {
        Response response = post("/api/v1/camera-ingest/batches", fullBatch("cam-1", 1, DAY), "wrong-key-0000000000000");

        response.expectProblem(401, "/problems/unauthorized");
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(count("camera_batch")).isZero();
    }

    @Test
    void missingAgentKeyUnauthorized() {
        post("/api/v1/camera-ingest/batches", fullBatch("cam-1", 1, DAY), null).expectProblem(401, "/problems/unauthorized");
        post("/api/v1/camera-ingest/heartbeats", "{}", null).expectProblem(401, "/problems/unauthorized");
        assertThat(count("camera_batch")).isZero();
    }

    @Test
    void partitionCreatedForFarDate() {
        String farDay = "2031-06-15";
        assertThat(query("SELECT to_regclass('camera_detection_20310615')::text")).containsExactly((String) null);

        postBatch(fullBatch("cam-3", 1, farDay)).expect(200);

        assertThat(query("SELECT to_regclass('camera_detection_20310615')::text"))
                .containsExactly("camera_detection_20310615");
        assertThat(query("SELECT to_regclass('camera_count_20310615')::text")).containsExactly("camera_count_20310615");
        assertThat(query("SELECT count(*) FROM camera_detection_20310615")).containsExactly("1");
    }

    @Test
    void partitionsExistAhead() {
        LocalDate ahead = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String name = "camera_count_" + ahead.toString().replace("-", "");

        assertThat(query("SELECT to_regclass('" + name + "')::text")).containsExactly(name);
    }

    @Test
    void wrongContentTypeRejected() {
        int status = client.post().uri("/api/v1/camera-ingest/batches")
                .headers(headers -> headers.setBearerAuth(AGENT_KEY))
                .header("Content-Type", "text/plain")
                .bodyValue(fullBatch("cam-1", 1, DAY))
                .exchange()
                .returnResult(String.class)
                .getStatus().value();

        assertThat(status).isEqualTo(415);
        assertThat(count("camera_batch")).isZero();
    }

    @Test
    void getOnIngestNotAllowed() {
        assertThat(client.get().uri("/api/v1/camera-ingest/batches").exchange().returnResult(String.class)
                .getStatus().value()).isEqualTo(405);
    }

    @Test
    void largeBatchStored() {
        StringBuilder detections = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            detections.append(i == 0 ? "" : ",").append("""
                    {"trackId": %d, "class": "motorbike", "score": 0.5, "box": [1, 2, 3, 4], "at": "%sT11:00:00Z"}"""
                    .formatted(i, DAY));
        }
        String batch = """
                {"agentId": "agent-1", "cameraId": "cam-1", "sequence": 1000, "sentAt": "%sT11:00:01Z",
                 "detections": [%s]}""".formatted(DAY, detections);

        postBatch(batch).expect(200);

        assertThat(count("camera_detection")).isEqualTo(5000);
    }

    /** Returns a valid one-detection batch of cam-1 with one top-level member replaced by (or added as) the given one. */
    private static String batchWith(String field, String member) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("agentId", "\"agent-1\"");
        members.put("cameraId", "\"cam-1\"");
        members.put("sequence", "3");
        members.put("sentAt", "\"2026-12-04T10:00:00Z\"");
        members.put("detections", """
                [{"trackId": 1, "class": "car", "score": 0.5, "box": [1, 2, 3, 4], "at": "2026-12-04T10:00:00Z"}]""");
        members.put(field, member.substring(member.indexOf(':') + 1).strip());
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> json.append(json.length() == 1 ? "" : ", ")
                .append('"').append(name).append("\": ").append(value));
        return json.append('}').toString();
    }
}
