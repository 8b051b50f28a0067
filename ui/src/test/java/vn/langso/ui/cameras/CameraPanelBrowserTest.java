package vn.langso.ui.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.Browser;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.TestAccounts;

/**
 * The camera pages end to end: the real backend jar with an agent key, this ui, and headless Chromium. Counts posted
 * to the ingest API appear in the open camera panel through the live stream. A province administrator signed in
 * through the sign-in page sees snapshots and search results, which anonymous visitors do not.
 */
class CameraPanelBrowserTest extends BrowserTestSupport {

    private static final String AGENT_KEY = "browser-test-agent-key-81f3c0";
    private static final String CAMERA = "cam-browser-1";
    private static final String ADMIN = "quan.tri.camera";
    private static final String ADMIN_PASSWORD = "mật khẩu quản trị camera";

    private static BackendProcess backend;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        TestDatabase database = createDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO camera (name, geom, road, view_direction_deg, source, source_key) VALUES
                      ('Camera cầu Cao Lãnh', ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326), 'Quốc lộ 30', 45,
                       'test', '""" + CAMERA + "')");
        }
        TestAccounts.createAdministrator(database, ADMIN, "Quản trị camera", ADMIN_PASSWORD);
        backend = startBackend(registry, database, Map.of("LANGSO_CAMERAS_AGENT_KEYS", AGENT_KEY));

        // The first heartbeat links the agent's camera id to the layer's camera, so that its page exists.
        int status = post("/api/v1/camera-ingest/heartbeats", """
                {"agentId": "agent-browser", "cameraId": "%s", "status": "online", "fps": 10.0, "skippedFrames": 0,
                 "at": "%s"}""".formatted(CAMERA, Instant.now()));
        assertThat(status).as("heartbeat status").isEqualTo(204);
    }

    @Test
    void panelShowsCountAfterIngest() throws IOException, InterruptedException {
        browser.driver().get(uiUrl() + "/cameras/" + CAMERA + "?lang=vi");
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
        browser.driver().get(uiUrl() + "/cameras/no-such-camera?lang=en");

        WebElement missing = browser.waiting().until(driver -> driver.findElement(By.id("camera-not-found")));
        assertThat(missing.getText()).contains("no-such-camera");
    }

    @Test
    void mapShowsCameraOverlay() {
        browser.driver().get(uiUrl() + "/?lang=vi");

        WebElement overlay = browser.waiting().until(driver -> driver.findElement(By.id("camera-overlay")));
        browser.waiting().until(driver -> overlay.getAttribute("data-cameras") != null);
        assertThat(overlay.getAttribute("data-cameras")).isEqualTo("1");
    }

    @Test
    void searchExplainsSignIn() {
        browser.driver().get(uiUrl() + "/cameras/search?lang=vi");
        browser.waiting().until(driver -> driver.findElement(By.id("search-button"))).click();

        WebElement status = browser.driver().findElement(By.id("search-status"));
        browser.waiting().until(driver -> status.getAttribute("data-outcome") != null);
        assertThat(status.getAttribute("data-outcome")).isEqualTo("denied");
        assertThat(status.getText()).contains("đăng nhập");
    }

    @Test
    void searchAreaDrawnOnMap() {
        browser.driver().get(uiUrl() + "/cameras/search?lang=en");
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

    @Test
    void signedInAdministratorSeesSnapshotAndSearch() throws IOException, InterruptedException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The backend drops a batch whose camera and sequence it has stored, so this one keeps clear of sequence 1.
        int status = post("/api/v1/camera-ingest/batches", """
                {"agentId": "agent-browser", "cameraId": "%s", "sequence": 1000, "sentAt": "%s",
                 "detections": [{"trackId": 9, "class": "car", "score": 0.9, "box": [10, 20, 30, 40], "at": "%s",
                                 "colour": "white"}],
                 "violations": [{"type": "wrong_way", "trackId": 9, "class": "car", "at": "%s",
                                 "lineId": "north-lane", "snapshotJpeg": "%s"}]}"""
                .formatted(CAMERA, at, at, at, Base64.getEncoder().encodeToString(smallJpeg())));
        assertThat(status).as("batch status").isEqualTo(200);

        try (Browser official = Browser.start()) {
            TestAccounts.signIn(official.driver(), port, ADMIN, ADMIN_PASSWORD);

            official.driver().get(uiUrl() + "/cameras/" + CAMERA + "?lang=vi");
            WebElement panel = official.waiting().until(driver -> driver.findElement(By.id("camera-panel")));
            official.waiting().until(driver -> panel.getAttribute("data-violations") != null);
            assertThat(panel.getAttribute("data-violations")).isEqualTo("1");
            WebElement image = official.waiting().until(driver -> driver.findElement(
                    By.cssSelector(".camera-latest-snapshot img.camera-snapshot")));
            official.waiting().withMessage(() -> "snapshot never loaded; console: " + official.consoleLog())
                    .until(driver -> Boolean.TRUE.equals(official.driver().executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth > 0;", image)));
            assertThat(official.driver().findElements(By.className("camera-snapshot-hidden"))).isEmpty();

            official.driver().get(uiUrl() + "/cameras/search?lang=vi");
            official.waiting().until(driver -> driver.findElement(By.id("search-button"))).click();
            WebElement search = official.driver().findElement(By.id("search-status"));
            official.waiting().until(driver -> search.getAttribute("data-outcome") != null);
            assertThat(search.getAttribute("data-outcome")).as("outcome: %s", search.getText()).isEqualTo("found");
        }

        browser.driver().get(uiUrl() + "/cameras/" + CAMERA + "?lang=vi");
        browser.waiting().until(driver -> driver.findElement(By.id("camera-panel")).getAttribute("data-violations") != null);
        List<WebElement> hidden = browser.waiting().until(driver -> {
            List<WebElement> notes = driver.findElements(By.className("camera-snapshot-hidden"));
            return notes.isEmpty() ? null : notes;
        });
        assertThat(hidden.getFirst().getText()).isEqualTo("Ảnh chỉ hiển thị cho cán bộ có thẩm quyền.");
    }

    /** Returns an 8 by 8 pixel JPEG that a browser can decode. */
    private static byte[] smallJpeg() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
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
