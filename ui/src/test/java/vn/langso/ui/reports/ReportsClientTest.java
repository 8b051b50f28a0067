package vn.langso.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendUnavailableException;

/** ReportsClient against a small HTTP server on 127.0.0.1 that records requests and returns canned responses. */
class ReportsClientTest {

    private record Canned(int status, String body, Map<String, String> headers) {
    }

    private record Received(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Map<String, Canned> responses = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private BackendProperties properties;

    @TempDir
    Path folder;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), pathAndQuery, headers, requestBody));
            Canned canned = responses.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new Canned(404, "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404}", Map.of()));
            byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    canned.status() < 300 ? "application/json" : "application/problem+json");
            canned.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(canned.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        properties = new BackendProperties(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                URI.create("http://maps.example.test"), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ReportsClient client(ReportsCredentials credentials) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (credentials != null) {
            beans.addBean("credentials", credentials);
        }
        return new ReportsClient(properties, beans.getBeanProvider(ReportsCredentials.class));
    }

    @Test
    void categoriesAreParsed() {
        responses.put("GET /api/v1/report-categories", new Canned(200, """
                [{"code":"street_light","nameVi":"Đèn đường hỏng","nameEn":"Broken street light",
                  "deadlineWorkingDays":2,"duplicateRadiusMetres":150,"duplicateWindowDays":14,"extra":true}]""", Map.of()));

        List<ReportCategory> categories = client(null).categories();

        assertThat(categories).hasSize(1);
        assertThat(categories.getFirst().code()).isEqualTo("street_light");
        assertThat(categories.getFirst().name(vn.langso.ui.i18n.UiLanguage.VI)).isEqualTo("Đèn đường hỏng");
        assertThat(categories.getFirst().name(vn.langso.ui.i18n.UiLanguage.EN)).isEqualTo("Broken street light");
        assertThat(categories.getFirst().duplicateRadiusMetres()).isEqualTo(150);
    }

    @Test
    void nearbyPublicViewsAreParsed() {
        responses.put("GET /api/v1/reports/nearby", new Canned(200, """
                {"radiusMetres":150,"windowDays":14,"reports":[
                  {"id":4,"category":"street_light","description":"Đèn tắt","status":"received","communeCode":"29869",
                   "address":null,"lon":105.6406,"lat":10.4631,"reportedAt":"2026-12-04T09:00:00Z",
                   "updatedAt":"2026-12-04T09:00:00Z","media":[],"distanceMetres":43.8}]}""", Map.of()));

        NearbyReports nearby = client(null).nearby("street_light", 105.6402, 10.4631);

        assertThat(received.getFirst().pathAndQuery()).isEqualTo("/api/v1/reports/nearby?category=street_light&lon=105.6402&lat=10.4631");
        assertThat(nearby.radiusMetres()).isEqualTo(150);
        assertThat(nearby.reports()).hasSize(1);
        assertThat(nearby.reports().getFirst().distanceMetres()).isEqualTo(43.8);
        assertThat(nearby.reports().getFirst().version()).as("public view has no version").isNull();
        assertThat(nearby.reports().getFirst().overdue()).isFalse();
    }

    @Test
    void anonymousCallSendsNoCredentials() {
        responses.put("GET /api/v1/report-categories", new Canned(200, "[]", Map.of()));

        client(null).categories();

        assertThat(received.getFirst().header("Authorization")).isNull();
    }

    @Test
    void bearerTokenIsSentWhenSignedIn() {
        responses.put("GET /api/v1/reports/7", new Canned(200, fullView(7), Map.of()));

        ReportView report = client(() -> Optional.of("token-123")).report(7, null);

        assertThat(received.getFirst().header("Authorization")).isEqualTo("Bearer token-123");
        assertThat(received.getFirst().header(ReportsClient.FOLLOW_TOKEN_HEADER)).isNull();
        assertThat(report.version()).isEqualTo(3);
        assertThat(report.allowedTransitions()).containsExactly("assigned", "rejected");
        assertThat(report.history()).hasSize(1);
        assertThat(report.dueDate()).hasToString("2026-12-08");
    }

    @Test
    void followTokenIsSentAsHeader() {
        responses.put("GET /api/v1/reports/7/messages", new Canned(200, """
                [{"id":1,"at":"2026-12-04T09:00:00Z","from":"handler","authorName":"Cán bộ","body":"Đã tiếp nhận"}]""",
                Map.of()));

        List<ReportMessage> messages = client(null).messages(7, "follow-secret");

        assertThat(received.getFirst().header(ReportsClient.FOLLOW_TOKEN_HEADER)).isEqualTo("follow-secret");
        assertThat(messages).extracting(ReportMessage::body).containsExactly("Đã tiếp nhận");
    }

    @Test
    void submissionWithFilesIsMultipart() throws IOException {
        responses.put("POST /api/v1/reports", new Canned(201, fullView(9).replace("}", ",\"followToken\":\"abc\"}"), Map.of()));
        Path photo = folder.resolve("upload.tmp");
        byte[] photoBytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        Files.write(photo, photoBytes);
        NewReport report = new NewReport("street_light", "Đèn không sáng", 105.64, 10.46, null, "Nguyễn Văn A", null);

        ReportView created = client(() -> Optional.of("token-123"))
                .submit(report, List.of(new MediaFile("ảnh \"1\".jpg", "image/jpeg", photo, photoBytes.length)), true);

        Received request = received.getFirst();
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.header("Authorization")).as("anonymous submission").isNull();
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"report\"\r\nContent-Type: application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .contains("\"description\":\"Đèn không sáng\"")
                .contains("\"lon\":105.64")
                .contains("\"reporterName\":\"Nguyễn Văn A\"")
                .doesNotContain("address")
                .doesNotContain("reporterPhone");
        assertThat(body).contains("name=\"media\"; filename=\"_nh__1_.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                + new String(photoBytes, StandardCharsets.ISO_8859_1) + "\r\n");
        assertThat(body).endsWith("--\r\n");
        assertThat(created.followToken()).isEqualTo("abc");
    }

    @Test
    void wrappedSubmissionAnswerIsRead() {
        responses.put("POST /api/v1/reports", new Canned(201,
                "{\"report\":" + fullView(9) + ",\"followToken\":\"secret\"}", Map.of()));

        ReportView created = client(null).submit(new NewReport("waste", "Rác", 105.6, 10.4, null, null, null), List.of(), true);

        assertThat(created.id()).isEqualTo(9);
        assertThat(created.version()).isEqualTo(3);
        assertThat(created.followToken()).isEqualTo("secret");
    }

    @Test
    void submissionWithoutFilesIsJson() {
        responses.put("POST /api/v1/reports", new Canned(201, fullView(9), Map.of()));

        client(() -> Optional.of("token-123")).submit(
                new NewReport("waste", "Rác", null, null, "Chợ", null, null), List.of(), false);

        Received request = received.getFirst();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer token-123");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("lon").contains("\"address\":\"Chợ\"");
    }

    @Test
    void inboxQueryEncodesFilters() {
        responses.put("GET /api/v1/reports", new Canned(200, "{\"total\":0,\"reports\":[]}", Map.of()));

        InboxPage page = client(null).inbox(new InboxFilter("in_progress", "", null, true, "đèn hỏng", 50, 0));

        assertThat(received.getFirst().pathAndQuery())
                .isEqualTo("/api/v1/reports?status=in_progress&overdue=true&q=%C4%91%C3%A8n%20h%E1%BB%8Fng&limit=50&offset=0");
        assertThat(page.total()).isZero();
    }

    @Test
    void transitionSendsVersion() {
        responses.put("POST /api/v1/reports/7/transitions", new Canned(200, fullView(7), Map.of()));

        client(null).transition(7, "rejected", 3, null, "Trùng phản ánh #5", null);

        assertThat(new String(received.getFirst().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"rejected\",\"version\":3,\"reason\":\"Trùng phản ánh #5\"}");
    }

    @Test
    void problemDetailsAreParsed() {
        responses.put("POST /api/v1/reports", new Canned(400, """
                {"type":"/problems/invalid-parameter","title":"Invalid parameter","status":400,
                 "detail":"lon=10.46 lat=105.64 is outside the province, but swapped it is inside",
                 "invalidParams":[{"name":"lon","reason":"swapped"},{"name":"lat","reason":"swapped"}]}""", Map.of()));

        assertThatThrownBy(() -> client(null).submit(new NewReport("waste", "Rác", 10.46, 105.64, null, null, null),
                List.of(), true))
                .isInstanceOfSatisfying(ReportsApiException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.typeSlug()).isEqualTo("invalid-parameter");
                    assertThat(problem.names("lon")).isTrue();
                    assertThat(problem.names("description")).isFalse();
                    assertThat(problem.detail()).contains("swapped");
                });
    }

    @Test
    void retryAfterIsRead() {
        responses.put("POST /api/v1/reports", new Canned(429,
                "{\"type\":\"/problems/too-many-requests\",\"status\":429,\"detail\":\"limit reached\"}",
                Map.of("Retry-After", "120")));

        assertThatThrownBy(() -> client(null).submit(new NewReport("waste", "Rác", 105.6, 10.4, null, null, null),
                List.of(), true))
                .isInstanceOfSatisfying(ReportsApiException.class,
                        problem -> assertThat(problem.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void errorBodyThatIsNotJsonIsKept() {
        responses.put("GET /api/v1/report-categories", new Canned(502, "<html>Bad gateway</html>", Map.of()));

        assertThatThrownBy(() -> client(null).categories())
                .isInstanceOfSatisfying(ReportsApiException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(502);
                    assertThat(problem.detail()).isEqualTo("<html>Bad gateway</html>");
                });
    }

    @Test
    void malformedJsonIsStatusZero() {
        responses.put("GET /api/v1/report-categories", new Canned(200, "{\"code\":", Map.of()));

        assertThatThrownBy(() -> client(null).categories())
                .isInstanceOfSatisfying(ReportsApiException.class, problem -> assertThat(problem.status()).isZero());
    }

    @Test
    void unreachableBackendIsUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        properties = new BackendProperties(URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(2));

        assertThatThrownBy(() -> client(null).categories()).isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void mediaUrlsUseBrowserBase() {
        assertThat(client(null).browserUrl("/api/v1/reports/7/media/x")).isEqualTo("http://maps.example.test/api/v1/reports/7/media/x");
        assertThat(client(null).browserUrl(null)).isEmpty();
    }

    private static String fullView(long id) {
        return """
                {"id":%d,"category":"street_light","description":"Đèn không sáng","status":"received",
                 "communeCode":"29888","address":null,"lon":105.64,"lat":10.46,
                 "reportedAt":"2026-12-04T09:00:00Z","updatedAt":"2026-12-04T09:00:00Z","media":[],
                 "version":3,"agencyCode":"public_works","dueDate":"2026-12-08","overdue":false,"escalated":false,
                 "assignee":null,"mine":false,"allowedTransitions":["assigned","rejected"],
                 "history":[{"at":"2026-12-04T09:00:00Z","fromStatus":null,"toStatus":"received","by":"citizen","byName":"","note":null}]}"""
                .formatted(id);
    }
}
