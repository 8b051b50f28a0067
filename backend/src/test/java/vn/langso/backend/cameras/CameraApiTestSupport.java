package vn.langso.backend.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.live.LiveChannel;
import vn.langso.backend.live.LiveEvent;

/**
 * Cameras API tests: an agent key, two communes and three cameras (cam-1 and cam-2 in commune 90001, cam-3 in
 * 90002), plus helpers to post ingest requests, read the database and follow the live stream.
 */
@TestPropertySource(properties = "langso.cameras.agent-keys=" + CameraApiTestSupport.AGENT_KEY)
abstract class CameraApiTestSupport extends ApiTestSupport {

    static final String AGENT_KEY = "test-agent-key-5f0c2a9e71";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() { };
    static final Duration WAIT = Duration.ofSeconds(15);

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
    void subscribeLive() throws InterruptedException {
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


    @BeforeAll
    static void insertCameras() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Sa Đéc', 'commune', 'Phường', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.70, 10.27, 105.80, 10.33, 4326)), 'test')""",
                """
                INSERT INTO camera (name, geom, road, view_direction_deg, source, source_key) VALUES
                  ('Camera 1', ST_SetSRID(ST_MakePoint(105.62, 10.45), 4326), 'Quốc lộ 30', 45, 'test', 'cam-1'),
                  ('Camera 2', ST_SetSRID(ST_MakePoint(105.64, 10.47), 4326), 'Quốc lộ 30', 90, 'test', 'cam-2'),
                  ('Camera 3', ST_SetSRID(ST_MakePoint(105.75, 10.30), 4326), 'Quốc lộ 80', 180, 'test', 'cam-3')""");
    }

    /** A response with its body parsed as JSON (an empty object when there is no body). */
    record Response(int status, String contentType, JsonNode body, HttpHeaders headers) {

        JsonNode expect(int expected) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expected);
            return body;
        }

        /** Asserts a problem+json response of the given status and type and returns its body. */
        JsonNode expectProblem(int expectedStatus, String expectedType) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).as("content type").startsWith("application/problem+json");
            assertThat(body.path("type").asString()).as("problem type; body: %s", body).isEqualTo(expectedType);
            assertThat(body.path("detail").asString()).isNotBlank();
            return body;
        }
    }

    Response postBatch(String json) {
        return post("/api/v1/camera-ingest/batches", json, AGENT_KEY);
    }

    Response postHeartbeat(String json) {
        return post("/api/v1/camera-ingest/heartbeats", json, AGENT_KEY);
    }

    Response post(String path, String json, String key) {
        EntityExchangeResult<String> result = client.post().uri(path)
                .headers(headers -> {
                    if (key != null) {
                        headers.setBearerAuth(key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectBody(String.class)
                .returnResult();
        String body = result.getResponseBody();
        JsonNode parsed = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        return new Response(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                parsed, result.getResponseHeaders());
    }

    /** Waits for the next live event with the name ({@code topic.type}) and returns its data; skips other events. */
    @SuppressWarnings("unchecked")
    Map<String, Object> nextLiveData(String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            ServerSentEvent<Map<String, Object>> event = events.poll();
            if (event != null && name.equals(event.event())) {
                return (Map<String, Object>) event.data().get("data");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No " + name + " event within " + WAIT);
    }

    /** Runs a query on the test database and returns the first column of every row as text. */
    static List<String> query(String sql) {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    static long count(String table) {
        return Long.parseLong(query("SELECT count(*) FROM " + table).getFirst());
    }

    /** Returns a batch of the camera on the day with one detection, one count and one violation with a snapshot. */
    static String fullBatch(String camera, long sequence, String day) {
        return """
                {"agentId": "agent-1", "cameraId": "%s", "sequence": %d, "sentAt": "%sT10:00:05Z",
                 "detections": [{"trackId": 7, "class": "car", "score": 0.83, "box": [10, 20, 30, 40],
                                 "at": "%sT10:00:01Z", "colour": "white"}],
                 "counts": [{"lineId": "north-lane", "class": "car", "direction": "forward",
                             "intervalStart": "%sT10:00:00Z", "intervalEnd": "%sT10:01:00Z", "count": 3}],
                 "violations": [{"type": "wrong_way", "trackId": 7, "class": "car", "at": "%sT10:00:02Z",
                                 "lineId": "north-lane", "snapshotJpeg": "%s",
                                 "track": [[1765000000000, 1.5, 2.5], [1765000000100, 3, 4]]}]}
                """.formatted(camera, sequence, day, day, day, day, day, TINY_JPEG_BASE64);
    }

    /** The first bytes of a JPEG file (start-of-image marker and a JFIF header), which pass the format check. */
    static final String TINY_JPEG_BASE64 = java.util.Base64.getEncoder().encodeToString(new byte[] {
            (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
            (byte) 0xFF, (byte) 0xD9});
}
