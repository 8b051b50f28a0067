package vn.langso.conferencing.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's JSON-RPC frames as a raw WebSocket client sees them, independent of kurento-client. */
class FakeKurentoServerTest {

    private FakeKurentoServer fake;
    private HttpClient http;
    private WebSocket socket;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void connect() throws Exception {
        fake = FakeKurentoServer.start(FakeKurentoServer.Mode.NORMAL);
        http = HttpClient.newHttpClient();
        socket = http.newWebSocketBuilder().buildAsync(fake.url(), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(JsonParser.parseString(text.toString()).getAsJsonObject());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        socket.abort();
        http.close();
        fake.close();
    }

    @Test
    void pingAnswersPong() throws Exception {
        JsonObject response = request("ping", "{\"interval\":240000}");

        assertThat(response.get("jsonrpc").getAsString()).isEqualTo("2.0");
        assertThat(response.getAsJsonObject("result").get("value").getAsString()).isEqualTo("pong");
        assertThat(fake.pings()).isEqualTo(1);
    }

    @Test
    void createStartsSession() throws Exception {
        JsonObject pipeline = request("create", "{\"type\":\"MediaPipeline\",\"constructorParams\":{}}")
                .getAsJsonObject("result");
        String sessionId = pipeline.get("sessionId").getAsString();
        String pipelineId = pipeline.get("value").getAsString();

        JsonObject endpoint = request("create", "{\"type\":\"WebRtcEndpoint\",\"constructorParams\":"
                + "{\"mediaPipeline\":\"" + pipelineId + "\"},\"sessionId\":\"" + sessionId + "\"}")
                .getAsJsonObject("result");

        assertThat(pipelineId).endsWith("_kurento.MediaPipeline");
        assertThat(endpoint.get("value").getAsString()).startsWith(pipelineId + "/").endsWith("_kurento.WebRtcEndpoint");
        assertThat(endpoint.get("sessionId").getAsString()).isEqualTo(sessionId);
        JsonObject described = request("describe", "{\"object\":\"" + endpoint.get("value").getAsString()
                + "\",\"sessionId\":\"" + sessionId + "\"}").getAsJsonObject("result");
        assertThat(described.get("qualifiedType").getAsString()).isEqualTo("kurento.WebRtcEndpoint");
    }

    @Test
    void gatherCandidatesSendsTypedEvents() throws Exception {
        String pipelineId = request("create", "{\"type\":\"MediaPipeline\"}").getAsJsonObject("result")
                .get("value").getAsString();
        String endpointId = request("create", "{\"type\":\"WebRtcEndpoint\",\"constructorParams\":"
                + "{\"mediaPipeline\":\"" + pipelineId + "\"}}").getAsJsonObject("result").get("value").getAsString();
        request("subscribe", "{\"object\":\"" + endpointId + "\",\"type\":\"IceCandidateFound\"}");

        request("invoke", "{\"object\":\"" + endpointId + "\",\"operation\":\"gatherCandidates\"}");

        JsonObject event = received.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.has("id")).isFalse();
        assertThat(event.get("method").getAsString()).isEqualTo("onEvent");
        JsonObject value = event.getAsJsonObject("params").getAsJsonObject("value");
        assertThat(value.get("type").getAsString()).isEqualTo("IceCandidateFound");
        assertThat(value.get("object").getAsString()).isEqualTo(endpointId);
        JsonObject candidate = value.getAsJsonObject("data").getAsJsonObject("candidate");
        assertThat(candidate.get("__module__").getAsString()).isEqualTo("kurento");
        assertThat(candidate.get("__type__").getAsString()).isEqualTo("IceCandidate");
        assertThat(candidate.get("candidate").getAsString()).startsWith("candidate:");
    }

    @Test
    void unknownObjectIs40101() throws Exception {
        JsonObject error = request("invoke", "{\"object\":\"missing_kurento.WebRtcEndpoint\",\"operation\":\"gatherCandidates\"}")
                .getAsJsonObject("error");

        assertThat(error.get("code").getAsInt()).isEqualTo(FakeKurentoServer.OBJECT_NOT_FOUND);
    }

    @Test
    void unknownSessionIs40007() throws Exception {
        JsonObject error = request("connect", "{\"sessionId\":\"lost-session\"}").getAsJsonObject("error");
        JsonObject fresh = request("connect", "{}").getAsJsonObject("result");

        assertThat(error.get("code").getAsInt()).isEqualTo(FakeKurentoServer.INVALID_SESSION);
        assertThat(fresh.get("sessionId").getAsString()).isNotBlank().isNotEqualTo("lost-session");
    }

    /** Sends a request and returns its response, skipping events that arrive first. */
    private JsonObject request(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params
                + "}", true).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonObject> skipped = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = received.poll(1, TimeUnit.SECONDS);
                if (frame != null && frame.has("id") && frame.get("id").getAsInt() == id) {
                    return frame;
                }
                if (frame != null) {
                    skipped.add(frame);
                }
            }
        } finally {
            received.addAll(skipped);
        }
        throw new AssertionError("No response to " + method + " within 10 s");
    }
}
