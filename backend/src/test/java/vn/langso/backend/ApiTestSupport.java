package vn.langso.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.testing.TestDatabase;

/**
 * Runs the whole application on a random loopback port against a fresh migrated PostGIS database per test
 * class. Subclasses insert their fixtures in {@code @BeforeAll} through {@link #execute}.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Event loops of the test client, separate from Reactor Netty's global resources: closing an application
     * context disposes those while the next test class may already be sending requests, which was seen to
     * leave a request hanging.
     */
    private static final LoopResources CLIENT_LOOPS = LoopResources.create("api-test-client", 1, true);
    private static TestDatabase database;

    @LocalServerPort
    private int port;

    protected WebTestClient client;

    /** Returns the database of the running test class, creating it on first use. */
    protected static synchronized TestDatabase database() {
        if (database == null) {
            database = TestDatabase.createMigrated();
        }
        return database;
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> database().url().r2dbcUrl());
        registry.add("spring.r2dbc.username", () -> database().url().user());
        registry.add("spring.r2dbc.password", () -> database().url().password());
    }

    @AfterAll
    static synchronized void dropDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @BeforeEach
    void createClient() {
        HttpClient httpClient = HttpClient.create(ConnectionProvider.newConnection()).runOn(CLIENT_LOOPS);
        client = WebTestClient.bindToServer(new ReactorClientHttpConnector(httpClient))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Runs SQL statements on the test database (fixtures and reference computations). */
    protected static void execute(String... statements) {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture SQL failed: " + e.getMessage(), e);
        }
    }

    /** A response with its body parsed as JSON. */
    protected record JsonResponse(int status, String contentType, JsonNode body, HttpHeaders headers) {

        /** Asserts the status and returns the body. */
        public JsonNode expect(int expectedStatus) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expectedStatus);
            return body;
        }

        /** Asserts a problem+json response of the given status and type and returns it. */
        public JsonNode expectProblem(int expectedStatus, String expectedType) {
            assertThat(status).as("status; body: %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).as("content type").startsWith("application/problem+json");
            assertThat(body.path("type").asString()).as("problem type; body: %s", body).isEqualTo(expectedType);
            assertThat(body.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(body.path("title").asString()).isNotBlank();
            assertThat(body.path("detail").asString()).isNotBlank();
            assertThat(body.path("instance").asString()).startsWith("/");
            return body;
        }
    }

    /** GET with a path or path-and-query that is already encoded (root-relative links from responses). */
    protected JsonResponse get(String pathAndQuery) {
        return toJson(client.get().uri(URI.create("http://127.0.0.1:" + port + pathAndQuery)).exchange()
                .expectBody(String.class).returnResult());
    }

    /** GET of an absolute URL taken from a response's links. */
    protected JsonResponse getAbsolute(String url) {
        return toJson(client.get().uri(URI.create(url)).exchange().expectBody(String.class).returnResult());
    }

    /** Returns the port the application listens on. */
    protected int port() {
        return port;
    }

    /** GET with a URI built (and encoded) from parts, for query values with spaces or Vietnamese letters. */
    protected JsonResponse get(Function<UriBuilder, URI> uri) {
        return toJson(client.get().uri(uri).exchange().expectBody(String.class).returnResult());
    }

    private static JsonResponse toJson(EntityExchangeResult<String> result) {
        String body = result.getResponseBody();
        JsonNode json = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        String contentType = String.valueOf(result.getResponseHeaders().getContentType());
        return new JsonResponse(result.getStatus().value(), contentType, json, result.getResponseHeaders());
    }
}
