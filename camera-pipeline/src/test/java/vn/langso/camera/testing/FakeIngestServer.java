package vn.langso.camera.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the backend's ingest API on 127.0.0.1. It stores each (cameraId, sequence) once, returns
 * {@code duplicate: true} for a repeat and records heartbeats. It can return 500 after storing, as a backend
 * whose response is lost.
 */
public final class FakeIngestServer implements AutoCloseable {

    public static final String AGENT_KEY = "test-agent-key";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> batches = new ArrayList<>();
    private final Set<String> stored = new HashSet<>();
    private final List<JsonNode> heartbeats = new ArrayList<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger lostAnswersLeft = new AtomicInteger();
    private final Set<Long> invalidSequences = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FakeIngestServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/api/v1/camera-ingest/batches", this::batch);
        server.createContext("/api/v1/camera-ingest/heartbeats", this::heartbeat);
        server.start();
    }

    /** Starts on the given loopback port, 0 for any free one. */
    public static FakeIngestServer start(int port) throws IOException {
        return new FakeIngestServer(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stores the next {@code count} new batches but responds to them with 500. */
    public void loseNextAnswers(int count) {
        lostAnswersLeft.set(count);
    }

    /** Responds 400 problem+json, storing nothing, to every batch with this sequence number. */
    public void rejectSequence(long sequence) {
        invalidSequences.add(sequence);
    }

    private void batch(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        JsonNode batch = json.readTree(exchange.getRequestBody().readAllBytes());
        if (invalidSequences.contains(batch.get("sequence").asLong())) {
            send(exchange, 400, "{\"type\":\"about:blank\",\"title\":\"Invalid batch\",\"status\":400}");
            return;
        }
        String key = batch.get("cameraId").asString() + "#" + batch.get("sequence").asLong();
        boolean duplicate;
        synchronized (this) {
            duplicate = !stored.add(key);
            if (duplicate) {
                duplicates.incrementAndGet();
            } else {
                batches.add(batch);
            }
        }
        if (!duplicate && lostAnswersLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            send(exchange, 500, "{\"title\":\"answer lost on purpose\"}");
            return;
        }
        send(exchange, 200, "{\"accepted\":true,\"duplicate\":" + duplicate + "}");
    }

    private void heartbeat(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        JsonNode heartbeat = json.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (this) {
            heartbeats.add(heartbeat);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (!("Bearer " + AGENT_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"title\":\"wrong agent key\"}");
            return false;
        }
        return true;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public synchronized List<JsonNode> batches() {
        return List.copyOf(batches);
    }

    public synchronized List<JsonNode> heartbeats() {
        return List.copyOf(heartbeats);
    }

    public int duplicates() {
        return duplicates.get();
    }

    /** Sums of the stored counts by {@code line/class/direction}. */
    public synchronized java.util.Map<String, Long> countsByKey() {
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        for (JsonNode batch : batches) {
            for (JsonNode count : batch.get("counts")) {
                String key = count.get("lineId").asString() + "/" + count.get("class").asString() + "/"
                        + count.get("direction").asString();
                sums.merge(key, count.get("count").asLong(), Long::sum);
            }
        }
        return sums;
    }

    /** Sum of the stored counts of one line, class and direction. */
    public synchronized long count(String lineId, String objectClass, String direction) {
        long total = 0;
        for (JsonNode batch : batches) {
            for (JsonNode count : batch.get("counts")) {
                if (count.get("lineId").asString().equals(lineId) && count.get("class").asString().equals(objectClass)
                        && count.get("direction").asString().equals(direction)) {
                    total += count.get("count").asLong();
                }
            }
        }
        return total;
    }

    /** Sum of all stored counts of one line, any class and direction. */
    public synchronized long totalCount(String lineId) {
        long total = 0;
        for (JsonNode batch : batches) {
            for (JsonNode count : batch.get("counts")) {
                if (count.get("lineId").asString().equals(lineId)) {
                    total += count.get("count").asLong();
                }
            }
        }
        return total;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
