package vn.langso.backend.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;

/**
 * Requests that the HTTP layer cannot read, sent over a plain socket because HTTP clients such as WebTestClient
 * encode the characters these tests send raw: each gets a problem+json body instead of an empty response.
 */
class MalformedRequestApiTest extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void rawCharacterInQueryNamed() throws IOException {
        RawResponse response = send("GET /ogc/collections/clinics/items?filter=name>5 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n");

        JsonNode problem = response.problem(400, "/problems/malformed-request");
        assertThat(problem.path("detail").asString())
                .contains("Illegal character in query")
                .contains("filter=name>5")
                .contains("Percent-encode");
        assertThat(response.head()).containsIgnoringCase("connection: close");
    }

    @Test
    void brokenPercentEscapeNamed() throws IOException {
        RawResponse response = send("GET /ogc/collections?f=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        JsonNode problem = response.problem(400, "/problems/malformed-request");
        assertThat(problem.path("detail").asString()).contains("Malformed escape pair");
    }

    @Test
    void requestLineOverLimitGets414() throws IOException {
        String query = "x=" + "a".repeat(20_000);

        RawResponse response = send("GET /ogc/collections?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        JsonNode problem = response.problem(414, "/problems/uri-too-long");
        assertThat(problem.path("detail").asString()).contains("16 KB");
    }

    @Test
    void headersOverLimitGet431() throws IOException {
        RawResponse response = send("GET /ogc/collections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "a".repeat(20_000) + "\r\n\r\n");

        JsonNode problem = response.problem(431, "/problems/headers-too-large");
        assertThat(problem.path("detail").asString()).contains("8 KB");
    }

    @Test
    void encodedCharactersStillReachTheHandlers() throws IOException {
        RawResponse response = send("GET /ogc/collections/clinics/items?filter=no_such_property%3E5 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");

        JsonNode problem = response.problem(400, "/problems/invalid-parameter");
        assertThat(problem.path("detail").asString()).contains("no_such_property");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET /ogc//collections        | potentially malicious String \"//\"",
            "GET /ogc/collections/clinics%2Fitems | potentially malicious String \"%2F\"",
            "GET /ogc/collections;x=1     | potentially malicious String \";\"",
            "GET /ogc/collections/../api  | was not normalized",
            "TRACE /ogc/collections       | HTTP method \"TRACE\""})
    void firewallRejectionNamed(String requestLine, String reason) throws IOException {
        RawResponse response = send(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        JsonNode problem = response.problem(400, "/problems/malformed-request");
        assertThat(problem.path("detail").asString()).contains(reason).contains("canonical form");
        assertThat(problem.path("instance").asString()).startsWith("/");
    }

    @Test
    void newTypesDescribed() {
        for (String slug : new String[] {"malformed-request", "uri-too-long", "headers-too-large"}) {
            JsonNode type = get("/problems/" + slug).expect(200);
            assertThat(type.path("description").asString()).isNotBlank();
        }
    }

    /** Sends raw request bytes on a new connection and reads until the server closes it. */
    private RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();

            InputStream input = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            input.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in %s", text).isPositive();
            return new RawResponse(text.substring(0, end), text.substring(end + 4));
        }
    }

    private record RawResponse(String head, String body) {

        JsonNode problem(int status, String type) {
            assertThat(head).startsWith("HTTP/1.1 " + status + " ");
            assertThat(head).containsIgnoringCase("content-type: application/problem+json");
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.path("type").asString()).isEqualTo(type);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            return problem;
        }
    }
}
