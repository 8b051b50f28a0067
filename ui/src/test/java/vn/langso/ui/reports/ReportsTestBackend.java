package vn.langso.ui.reports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.MapTestData;
import vn.langso.ui.testing.TestAccounts;

/**
 * The real backend for the report pages: a fresh database with communes, the backend jar, media in a folder under
 * target, and real accounts. The first administrator comes from the jar's {@code create-admin} command, as an
 * operator makes it; commune officials are created through the administration API and sign in with a password.
 */
final class ReportsTestBackend implements AutoCloseable {

    /** A point in Phường Mỹ Trà, inside the province with the real communes and with the stand-ins. */
    static final double LON = 105.6402;
    static final double LAT = 10.4631;
    /** A point in another commune, about 90 km east of {@link #LON}, {@link #LAT}. */
    static final double OTHER_LON = 106.43;
    static final double OTHER_LAT = 10.38;

    /** An official's sign-in name and password, for the sign-in page or {@code POST /api/v1/auth/token}. */
    record Account(String username, String password) {
    }

    private static final String ADMIN = "quan.tri";
    /** Password of every test account; the backend requires at least 12 characters. */
    private static final String PASSWORD = "mật khẩu thử nghiệm Đồng Tháp";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestDatabase database;
    private final BackendProcess backend;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Account> officials = new ConcurrentHashMap<>();
    private final AtomicInteger accountsCreated = new AtomicInteger();

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
            TestAccounts.createAdministrator(database, ADMIN, "Quản trị tỉnh", PASSWORD);
            Path media = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "reports-media-");
            Map<String, String> environment = new HashMap<>(settings);
            environment.put("LANGSO_REPORTS_MEDIA_FOLDER", media.toString());
            environment.put("LANGSO_SECURITY_LIMITS_ANONYMOUSSUBMISSIONS", "1000");
            BackendProcess backend = BackendProcess.start(database.url(), environment);
            return new ReportsTestBackend(database, backend);
        } catch (IOException | InterruptedException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    URI baseUrl() {
        return backend.baseUrl();
    }

    /**
     * Returns the account of a commune official of the commune, created through {@code POST /api/v1/admin/users}
     * on first use and reused after.
     */
    Account official(String communeCode) throws IOException, InterruptedException {
        Account existing = officials.get(communeCode);
        if (existing != null) {
            return existing;
        }
        Account account = createOfficial("Cán bộ xã " + communeCode, communeCode);
        officials.put(communeCode, account);
        return account;
    }

    /** Creates another commune official of the commune, distinct from {@link #official}. */
    Account createOfficial(String displayName, String communeCode) throws IOException, InterruptedException {
        String username = "can.bo." + communeCode + "." + accountsCreated.incrementAndGet();
        ObjectNode body = JSON.createObjectNode();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("displayName", displayName);
        body.putArray("roles").add("commune_official");
        body.putArray("communeCodes").add(communeCode);
        HttpResponse<String> created = postJson("/api/v1/admin/users", body.toString(), token(new Account(ADMIN, PASSWORD)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating official " + username + " returned HTTP " + created.statusCode()
                    + ": " + created.body());
        }
        return new Account(username, PASSWORD);
    }

    /** Signs the account in through {@code POST /api/v1/auth/token} and returns its access token. */
    String token(Account account) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", account.username());
        body.put("password", account.password());
        HttpResponse<String> response = postJson("/api/v1/auth/token", body.toString(), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + account.username() + " returned HTTP " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
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

    /** Reads a JSON resource, with the bearer token when it is not null. */
    JsonNode getJson(String path, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " returned HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Sends a JSON body, with the bearer token when it is not null; returns the status and body. */
    HttpResponse<String> postJson(String path, String body, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    Path logFile() {
        return backend.logFile();
    }

    @Override
    public void close() {
        backend.close();
        database.close();
    }
}
