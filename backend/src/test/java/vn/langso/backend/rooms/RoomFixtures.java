package vn.langso.backend.rooms;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cooperatives and requests shared by the room tests. */
final class RoomFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long COOPERATIVE = 501;
    static final long OTHER_COOPERATIVE = 502;

    static final String[] COOPERATIVES = {
            "INSERT INTO cooperative (id, name, geom) VALUES (501, 'HTX Tân Thuận Tây', ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326))",
            "INSERT INTO cooperative (id, name, geom, cooperative_type) VALUES (502, 'Hội quán Mỹ Xương', ST_SetSRID(ST_MakePoint(105.70, 10.40), 4326), 'community_club')"};

    private RoomFixtures() {
    }

    record Response(int status, JsonNode body) {
    }

    static Response post(WebTestClient client, String path, Consumer<HttpHeaders> user, String body) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            request.headers(user);
        }
        EntityExchangeResult<String> result = request.bodyValue(body).exchange().expectBody(String.class).returnResult();
        return toResponse(result);
    }

    static Response get(WebTestClient client, String path, Consumer<HttpHeaders> user) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
        if (user != null) {
            request.headers(user);
        }
        return toResponse(request.exchange().expectBody(String.class).returnResult());
    }

    static Response delete(WebTestClient client, String path, Consumer<HttpHeaders> user) {
        WebTestClient.RequestHeadersSpec<?> request = client.delete().uri(path);
        if (user != null) {
            request.headers(user);
        }
        return toResponse(request.exchange().expectBody(String.class).returnResult());
    }

    /** Creates a room of {@link #COOPERATIVE} starting now and returns its id. */
    static String createRoom(WebTestClient client, Consumer<HttpHeaders> moderator, String extraMembers) {
        String body = """
                {"cooperativeId": %d, "topic": "Tập huấn lúa chất lượng cao", "startsAt": "%s"%s}"""
                .formatted(COOPERATIVE, Instant.now().truncatedTo(ChronoUnit.SECONDS), extraMembers);
        Response created = post(client, "/api/v1/rooms", moderator, body);
        if (created.status() != 201) {
            throw new AssertionError("Room creation failed: " + created);
        }
        return created.body().path("id").asString();
    }

    /** Creates an invitation link of the room and returns its token. */
    static String invite(WebTestClient client, String roomId, Consumer<HttpHeaders> moderator, String settings) {
        Response created = post(client, "/api/v1/rooms/" + roomId + "/invitations", moderator, settings);
        if (created.status() != 201) {
            throw new AssertionError("Invitation failed: " + created);
        }
        return created.body().path("token").asString();
    }

    private static Response toResponse(EntityExchangeResult<String> result) {
        String body = result.getResponseBody();
        JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        return new Response(result.getStatus().value(), json);
    }
}
