package vn.langso.camera.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.camera.send.Messages.BatchAnswer;
import vn.langso.camera.send.Messages.Heartbeat;

/** HTTP client of the backend's camera ingest API (java.net.http). Thread-safe. */
public final class IngestClient {

    /** Result of posting one batch. */
    public sealed interface Outcome {
        /** Stored now, or stored before (duplicate): either way the batch is done. */
        record Delivered(boolean duplicate) implements Outcome {
        }

        /** The backend rejected the batch as invalid, so sending it again would not help. */
        record Rejected(int status, String body) implements Outcome {
        }

        /** The backend is unreachable or failed; send the batch again later. */
        record Retry(String reason) implements Outcome {
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final URI batchesUri;
    private final URI heartbeatsUri;
    private final String agentKey;
    private final JsonMapper json;
    private final HttpClient http;

    public IngestClient(URI backend, String agentKey, JsonMapper json) {
        String base = backend.toString().endsWith("/") ? backend.toString() : backend + "/";
        this.batchesUri = URI.create(base + "api/v1/camera-ingest/batches");
        this.heartbeatsUri = URI.create(base + "api/v1/camera-ingest/heartbeats");
        this.agentKey = agentKey;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts the stored bytes of one batch. */
    public Outcome postBatch(byte[] body) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request(batchesUri, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Outcome.Retry("backend unreachable: " + e);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                BatchAnswer answer = json.readValue(response.body(), BatchAnswer.class);
                return new Outcome.Delivered(answer.duplicate());
            } catch (JacksonException e) {
                return new Outcome.Retry("unreadable answer to a batch: " + e.getOriginalMessage());
            }
        }
        // 401, 403, 408 and 429 depend on the agent key or on load, not on the batch, so keep it and retry.
        boolean batchIsInvalid = status >= 400 && status < 500 && status != 401 && status != 403 && status != 408
                && status != 429;
        if (batchIsInvalid) {
            return new Outcome.Rejected(status, response.body());
        }
        return new Outcome.Retry("HTTP " + status);
    }

    /** Posts a heartbeat; returns the HTTP status, or throws when the backend is unreachable. */
    public int postHeartbeat(Heartbeat heartbeat) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(request(heartbeatsUri, json.writeValueAsBytes(heartbeat)),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private HttpRequest request(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + agentKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
