package vn.langso.ui.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.Browser;

/**
 * The camera pages end to end: the real backend jar with an agent key, this ui, and headless Chromium. Counts posted
 * to the ingest API appear in the open camera panel through the live stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class CameraPanelBrowserTest {

    private static final String AGENT_KEY = "browser-test-agent-key-81f3c0";
    private static final String CAMERA = "cam-browser-1";

    private static TestDatabase database;
    private static BackendProcess backend;
    private static Browser browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void startBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        database = TestDatabase.createMigrated();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO camera (name, geom, road, view_direction_deg, source, source_key) VALUES
                      ('Camera cầu Cao Lãnh', ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326), 'Quốc lộ 30', 45,
                       'test', '""" + CAMERA + "')");
        }
        backend = BackendProcess.start(database.url(), Map.of("LANGSO_CAMERAS_AGENT_KEYS", AGENT_KEY));
        registry.add("langso.backend.url", () -> backend.baseUrl().toString());

        // The first heartbeat links the agent's camera id to the layer's camera, so that its page exists.
        int status = post("/api/v1/camera-ingest/heartbeats", """
                {"agentId": "agent-browser", "cameraId": "%s", "status": "online", "fps": 10.0, "skippedFrames": 0,
                 "at": "%s"}""".formatted(CAMERA, Instant.now()));
        assertThat(status).as("heartbeat status").isEqualTo(204);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void panelShowsCountAfterIngest() throws IOException, InterruptedException {
        browser.driver().get("http://127.0.0.1:" + port + "/cameras/" + CAMERA + "?lang=vi");
        WebElement panel = browser.waiting().until(driver -> driver.findElement(By.id("camera-panel")));
        browser.waiting().until(driver -> "true".equals(panel.getAttribute("data-counts-loaded"))
                && "open".equals(panel.getAttribute("data-live")));
        assertThat(panel.getAttribute("data-total")).isEqualTo("0");
        assertThat(browser.driver().findElement(By.id("camera-title")).getText()).isEqualTo("Camera cầu Cao Lãnh");

        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int status = post("/api/v1/camera-ingest/batches", """
                {"agentId": "agent-browser", "cameraId": "%s", "sequence": 1, "sentAt": "%s",
                 "counts": [{"lineId": "north-lane", "class": "car", "direction": "forward",
                             "intervalStart": "%s", "intervalEnd": "%s", "count": 3},
                            {"lineId": "north-lane", "class": "motorbike", "direction": "backward",
                             "intervalStart": "%s", "intervalEnd": "%s", "count": 4}]}"""
                .formatted(CAMERA, Instant.now(), minute, minute.plusSeconds(60), minute, minute.plusSeconds(60)));
        assertThat(status).as("batch status").isEqualTo(200);

        browser.waiting().until(driver -> "7".equals(panel.getAttribute("data-total")));
        assertThat(panel.findElement(By.className("camera-total")).getText()).isEqualTo("Đếm được trong 30 phút qua: 7");
        assertThat(panel.findElement(By.className("camera-legend")).getText()).contains("Ô tô").contains("Xe máy");
        assertThat(panel.findElements(By.cssSelector(".camera-chart rect"))).hasSize(2);
        browser.screenshot("camera-panel-vi.png");
    }

    @Test
    void unknownCameraSaysNotFound() {
        browser.driver().get("http://127.0.0.1:" + port + "/cameras/no-such-camera?lang=en");

        WebElement missing = browser.waiting().until(driver -> driver.findElement(By.id("camera-not-found")));
        assertThat(missing.getText()).contains("no-such-camera");
    }

    @Test
    void mapShowsCameraOverlay() {
        browser.driver().get("http://127.0.0.1:" + port + "/?lang=vi");

        WebElement overlay = browser.waiting().until(driver -> driver.findElement(By.id("camera-overlay")));
        browser.waiting().until(driver -> overlay.getAttribute("data-cameras") != null);
        assertThat(overlay.getAttribute("data-cameras")).isEqualTo("1");
    }

    @Test
    void searchExplainsSignIn() {
        browser.driver().get("http://127.0.0.1:" + port + "/cameras/search?lang=vi");
        browser.waiting().until(driver -> driver.findElement(By.id("search-button"))).click();

        WebElement status = browser.driver().findElement(By.id("search-status"));
        browser.waiting().until(driver -> status.getAttribute("data-outcome") != null);
        assertThat(status.getAttribute("data-outcome")).isEqualTo("denied");
        assertThat(status.getText()).contains("đăng nhập");
    }

    @Test
    void searchAreaDrawnOnMap() {
        browser.driver().get("http://127.0.0.1:" + port + "/cameras/search?lang=en");
        WebElement area = browser.waiting().until(driver -> driver.findElement(By.id("area-draw")));
        browser.waiting().until(driver -> "true".equals(area.getAttribute("data-ready")));
        WebElement map = browser.driver().findElement(By.id("langso-map"));

        new Actions(browser.driver())
                .moveToElement(map, -60, -40).click().pause(Duration.ofMillis(400))
                .moveToElement(map, 60, -40).click().pause(Duration.ofMillis(400))
                .moveToElement(map, 60, 40).click().pause(Duration.ofMillis(400))
                .moveToElement(map, -60, 40).doubleClick()
                .perform();
        browser.waiting().until(driver -> "drawn".equals(area.getAttribute("data-area")));
        browser.driver().findElement(By.id("search-button")).click();

        WebElement status = browser.driver().findElement(By.id("search-status"));
        browser.waiting().until(driver -> status.getAttribute("data-outcome") != null);
        // The backend checks the area before the user's rights, so "denied" (not "invalid") shows it was accepted.
        assertThat(status.getAttribute("data-outcome")).as("outcome: %s", status.getText()).isEqualTo("denied");
    }

    private static int post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + AGENT_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
