package vn.langso.ui.reports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.MapTestData;

/**
 * The real backend for the report pages: a fresh database with communes, the backend jar with its test-only user
 * filter on the class path (so that requests can act for an official) and media in a folder under target.
 */
final class ReportsTestBackend implements AutoCloseable {

    /** A point in Phường Mỹ Trà, inside the province with the real communes and with the stand-ins. */
    static final double LON = 105.6402;
    static final double LAT = 10.4631;

    /** Compiled test-only user filter of the backend module, which the backend build leaves here. */
    private static final Path BACKEND_TEST_CLASSES = Path.of("..", "backend", "target", "test-classes");
    private static final String TEST_USER_PACKAGE = "vn/langso/backend/testing";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestDatabase database;
    private final BackendProcess backend;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ReportsTestBackend(TestDatabase database, BackendProcess backend) {
        this.database = database;
        this.backend = backend;
    }

    static ReportsTestBackend start() throws SQLException, IOException, InterruptedException {
        return start(Map.of());
    }

    /** Starts the backend with more settings as environment variables, such as a lower upload limit. */
    static ReportsTestBackend start(Map<String, String> settings) throws SQLException, IOException, InterruptedException {
        TestDatabase database = TestDatabase.createMigrated();
        try {
            MapTestData.load(database);
            Path media = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "reports-media-");
            Map<String, String> environment = new java.util.HashMap<>(settings);
            environment.put("LANGSO_REPORTS_MEDIA_FOLDER", media.toString());
            environment.put("LANGSO_REPORTS_ANONYMOUS_PER_HOUR", "1000");
            BackendProcess backend = BackendProcess.start(database.url(), List.of(testUserClasses()), environment);
            return new ReportsTestBackend(database, backend);
        } catch (IOException | InterruptedException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    URI baseUrl() {
        return backend.baseUrl();
    }

    /** Returns the code of the commune at the point, from {@code GET /api/v1/communes/at}. */
    String communeAt(double lon, double lat) throws IOException, InterruptedException {
        JsonNode commune = getJson("/api/v1/communes/at?lon=" + lon + "&lat=" + lat, null);
        String code = commune.path("code").asString("");
        if (code.isBlank()) {
            code = commune.path("properties").path("code").asString("");
        }
        if (code.isBlank()) {
            throw new IllegalStateException("No commune code in " + commune);
        }
        return code;
    }

    /** Reads a JSON resource, acting for the user of the test header when it is not null. */
    JsonNode getJson(String path, String userHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (userHeader != null) {
            request.header(TestUsers.HEADER, userHeader);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " returned HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends a JSON body, acting for the user of the test header; returns the status and body. */
    HttpResponse<String> postJson(String path, String body, String userHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (userHeader != null) {
            request.header(TestUsers.HEADER, userHeader);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    Path logFile() {
        return backend.logFile();
    }

    /**
     * Copies the backend's compiled test-only user filter into a folder of its own, so that the backend process
     * gets that filter and nothing else of the backend's tests.
     */
    private static Path testUserClasses() throws IOException {
        Path source = BACKEND_TEST_CLASSES.resolve(TEST_USER_PACKAGE);
        List<Path> classes = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (var files = Files.list(source)) {
                files.filter(file -> file.getFileName().toString().startsWith("TestUser")
                        && file.getFileName().toString().endsWith(".class")).forEach(classes::add);
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("The backend's test-only user filter is missing from " + source.toAbsolutePath()
                    + ": build the backend with its tests compiled (./mvnw -pl backend,ui -am package -DskipTests)");
        }
        Path target = Path.of("target", "reports-backend-test-users").toAbsolutePath();
        Path packageFolder = target.resolve(TEST_USER_PACKAGE);
        Files.createDirectories(packageFolder);
        for (Path file : classes) {
            Files.copy(file, packageFolder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void close() {
        backend.close();
        database.close();
    }
}
