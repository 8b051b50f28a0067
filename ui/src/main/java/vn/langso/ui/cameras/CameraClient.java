package vn.langso.ui.cameras;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.accounts.UiSession;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;

/**
 * Server-side client of the backend's camera API, for the parts of the camera pages rendered in Java (the camera's
 * name and the detection search) and the violation snapshots. Requests carry the bearer token of the session's
 * signed-in user, so {@link #camera} and {@link #searchDetections} must run with the Vaadin session current and
 * locked, as in view code. Calls block for at most {@link BackendProperties#timeout()}.
 */
@Component
public class CameraClient {

    private static final Logger log = LoggerFactory.getLogger(CameraClient.class);

    private final BackendProperties properties;
    private final HttpClient httpClient;
    private final JsonMapper json = JsonMapper.builder().build();

    public CameraClient(BackendProperties properties) {
        this.properties = properties;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Finds a camera by the id its agent sends; empty when the backend has no such camera. */
    public Optional<JsonNode> camera(String key) {
        URI url = URI.create(properties.url() + "/api/v1/cameras/" + encode(key));
        Reply reply = get(url);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(reply.requireOk(properties.url(), url));
    }

    /**
     * Searches past detections with the given query parameters (names as the API has them).
     *
     * @return the backend's status and body; 401 and 403 are returned rather than thrown, because the page explains
     *         them to the user
     */
    public Reply searchDetections(Map<String, String> parameters) {
        String query = new LinkedHashMap<>(parameters).entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return get(URI.create(properties.url() + "/api/v1/cameras/detections" + (query.isEmpty() ? "" : "?" + query)));
    }

    /**
     * Fetches the JPEG snapshot of a violation. The token is a parameter because a download request reads it from the
     * Vaadin session under the session's lock, and this call must not hold that lock while it waits for the backend.
     *
     * @param bearerToken the signed-in user's token, or empty for an anonymous request
     * @return the backend's status and, on 200, the image bytes; 401, 403 and 404 are returned rather than thrown
     */
    public Snapshot snapshot(long violationId, Optional<String> bearerToken) {
        URI url = URI.create(properties.url() + "/api/v1/cameras/violations/" + violationId + "/snapshot");
        HttpResponse<byte[]> response = send(request(url, "image/jpeg", bearerToken), HttpResponse.BodyHandlers.ofByteArray());
        return new Snapshot(response.statusCode(), response.statusCode() == 200 ? response.body() : new byte[0]);
    }

    /** A snapshot response: the HTTP status and the JPEG bytes, empty unless the status is 200. */
    public record Snapshot(int status, byte[] jpeg) {
    }

    /** A backend response: status and JSON body (an empty object when the body is not JSON). */
    public record Reply(int status, JsonNode body) {

        JsonNode requireOk(URI backend, URI url) {
            if (status / 100 != 2) {
                throw new BackendResponseException(backend, url, status, body.path("detail").asString("HTTP " + status));
            }
            return body;
        }

        /** Returns the problem detail of an error response. */
        public String detail() {
            return body.path("detail").asString("HTTP " + status);
        }
    }

    private Reply get(URI url) {
        HttpResponse<String> response = send(request(url, "application/json", UiSession.bearerToken()),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            body = json.createObjectNode();
        }
        return new Reply(response.statusCode(), body);
    }

    private HttpRequest request(URI url, String accept, Optional<String> bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(properties.timeout())
                .header("Accept", accept)
                .GET();
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler) {
        try {
            return httpClient.send(request, bodyHandler);
        } catch (IOException e) {
            log.warn("Backend request {} failed: {}", request.uri(), e.toString());
            throw new BackendUnavailableException(properties.url(), request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(properties.url(), request.uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
