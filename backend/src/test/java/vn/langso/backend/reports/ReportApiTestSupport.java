package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/**
 * API tests of reports: two test communes, a fresh media folder per test class and requests that act for a user.
 */
public abstract class ReportApiTestSupport extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path mediaFolder;

    /** A response with its body parsed as JSON (an empty object when there is none). */
    public record Reply(int status, String contentType, JsonNode body, HttpHeaders headers) {

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

    @DynamicPropertySource
    static void mediaFolder(DynamicPropertyRegistry registry) {
        registry.add("langso.reports.media.folder", () -> mediaFolder().toString());
    }

    protected static synchronized Path mediaFolder() {
        if (mediaFolder == null) {
            try {
                mediaFolder = Files.createTempDirectory("report-media-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mediaFolder;
    }

    /** Counts the files stored under the media folder. */
    protected static long storedFiles() {
        try (Stream<Path> files = Files.walk(mediaFolder())) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void insertCommunes() {
        execute(ReportTestData.COMMUNES);
    }

    protected JsonNode submit(CurrentUser user, String json) {
        return post(user, "/api/v1/reports", json).expect(201);
    }

    /** POSTs JSON; a null user sends no credentials. */
    protected Reply post(CurrentUser user, String path, String json) {
        WebTestClient.RequestBodySpec spec = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            spec = spec.headers(TestUsers.as(user));
        }
        return reply(spec.bodyValue(json));
    }

    /** GETs a path; a null user sends no credentials. */
    protected Reply getAs(CurrentUser user, String path) {
        WebTestClient.RequestHeadersSpec<?> spec = client.get().uri(path);
        if (user != null) {
            spec = spec.headers(TestUsers.as(user));
        }
        return reply(spec);
    }

    protected static Reply reply(WebTestClient.RequestHeadersSpec<?> spec) {
        var result = spec.exchange().expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        JsonNode json = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        return new Reply(result.getStatus().value(), String.valueOf(result.getResponseHeaders().getContentType()),
                json, result.getResponseHeaders());
    }
}
