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
import vn.langso.ui.backend.BackendProperties;

/**
 * Server-side reads of the backend's room API for the rooms page. Calls block for at most the backend timeout.
 *
 * <p>TODO: the room list is for members only; once accounts exist, send the signed-in user's bearer token here.
 * Until then the backend returns 403 and the page asks the visitor to sign in.
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

    private Result get(String path) {
        URI uri = URI.create(properties.url() + path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
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
