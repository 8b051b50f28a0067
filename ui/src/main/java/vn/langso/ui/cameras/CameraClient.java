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
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;

/**
 * Server-side client of the backend's camera API, for the parts of the camera pages rendered in Java (the camera's
 * name and the detection search). Calls block for at most {@link BackendProperties#timeout()}.
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
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = httpClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("Backend request {} failed: {}", url, e.toString());
            throw new BackendUnavailableException(properties.url(), url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(properties.url(), url, e);
        }
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
