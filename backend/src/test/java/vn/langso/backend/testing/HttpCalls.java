package vn.langso.backend.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON requests with an optional bearer token, for API tests that write or act for a user. */
public final class HttpCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;

    public HttpCalls(WebTestClient client) {
        this.client = client;
    }

    /** Sends a request; {@code body} is serialized to JSON unless it is a String, which is sent as is. */
    public Response send(HttpMethod method, String path, String token, Object body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        });
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body instanceof String text ? text : JSON.writeValueAsString(body));
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        String text = result.getResponseBody();
        JsonNode json = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        return new Response(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                json, result.getResponseHeaders());
    }

    public Response post(String path, Object body) {
        return send(HttpMethod.POST, path, null, body);
    }

    public Response get(String path, String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    /** A response with its body parsed as JSON (an empty object when there is none). */
    public record Response(int status, String contentType, JsonNode body, HttpHeaders headers) {

        public JsonNode expect(int expectedStatus) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expectedStatus);
            return body;
        }

        public JsonNode expectProblem(int expectedStatus, String expectedType) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).as("content type").startsWith("application/problem+json");
            assertThat(body.path("type").asString()).as("problem type; body: %s", body).isEqualTo(expectedType);
            assertThat(body.path("detail").asString()).isNotBlank();
            return body;
        }
    }
}
