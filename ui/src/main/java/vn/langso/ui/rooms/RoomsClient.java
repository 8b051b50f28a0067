package vn.langso.ui.rooms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.accounts.UiSession;
import vn.langso.ui.backend.BackendProperties;

/**
 * Server-side calls of the backend's room API for the rooms pages, with the bearer token of the session's signed-in
 * user ({@link UiSession}). Without one the backend returns 401, and the pages ask the visitor to sign in. Calls block
 * for at most the backend timeout.
 */
@Component
class RoomsClient {

    private static final Logger log = LoggerFactory.getLogger(RoomsClient.class);

    private final BackendProperties properties;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    RoomsClient(BackendProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A response of the backend: its status and JSON body, or status 0 when it could not be reached. */
    record Result(int status, JsonNode body) {

        boolean ok() {
            return status == 200;
        }
    }

    Result rooms(long cooperativeId) {
        return get("/api/v1/rooms?cooperative=" + cooperativeId);
    }

    Result recordings(String roomId) {
        return get("/api/v1/rooms/" + roomId + "/recordings");
    }

    /** Creates a single-use join token of the signed-in member for the room's signalling (201 on success). */
    Result joinToken(String roomId) {
        return send(request("/api/v1/rooms/" + roomId + "/join-tokens").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Result get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url() + path))
                .timeout(properties.timeout())
                .header("Accept", "application/json");
        UiSession.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private Result send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        URI uri = request.uri();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            return new Result(response.statusCode(), body);
        } catch (IOException | JacksonException e) {
            log.warn("Backend request {} failed: {}", uri, e.toString());
            return new Result(0, json.createObjectNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, json.createObjectNode());
        }
    }
}
