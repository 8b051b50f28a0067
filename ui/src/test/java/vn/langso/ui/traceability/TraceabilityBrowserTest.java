package vn.langso.ui.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.MapTestData;

/**
 * Traceability end to end: the real backend jar with a partner token, this ui and headless Chromium. An event
 * captured through the EPCIS API appears on the open map within two seconds. A batch's consumer page shows its
 * journey in Vietnamese and English.
 */
class TraceabilityBrowserTest extends BrowserTestSupport {

    private static final Logger log = LoggerFactory.getLogger(TraceabilityBrowserTest.class);
    private static final String PARTNER_TOKEN = "browser-test-partner-token-0123456789";
    private static final Duration LIVE_BUDGET = Duration.ofSeconds(2);

    private static BackendProcess backend;

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        TestDatabase database = createDatabase();
        MapTestData.load(database);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO growing_area (location_id, area_code, name, products, certifications, geom) "
                    + "VALUES ('urn:epc:id:sgln:8930001.00101.0', 'VN-DT-LUA-0101', 'Cánh đồng lúa Tháp Mười', 'lúa', "
                    + "'{VietGAP}', ST_Multi(ST_MakeEnvelope(105.815, 10.545, 105.825, 10.555, 4326)))");
            statement.execute("INSERT INTO trace_product (gtin, name_vi, name_en) VALUES ('08930001000018', "
                    + "'Gạo thơm Đồng Tháp', 'Đồng Tháp fragrant rice')");
        }
        backend = startBackend(registry, database, Map.of("LANGSO_TRACEABILITY_PARTNER_TOKENS", PARTNER_TOKEN));
    }

    @Test
    void capturedEventAppearsOnMapWithinTwoSeconds() throws Exception {
        browser.driver().get(uiUrl() + "/");
        browser.waiting().withMessage(() -> "live overlay not connected\nconsole:\n" + browser.consoleLog())
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("langso-traceability-overlay[data-connected='true']")));
        WebElement overlay = browser.driver().findElement(By.tagName("langso-traceability-overlay"));
        assertThat(overlay.getAttribute("data-event-count")).isEqualTo("0");

        long start = System.nanoTime();
        assertThat(capture(example("mango"))).isEqualTo(202);
        new WebDriverWait(browser.driver(), LIVE_BUDGET)
                .withMessage(() -> "no event on the map within " + LIVE_BUDGET + "; overlay count "
                        + overlay.getAttribute("data-event-count") + "\nconsole:\n" + browser.consoleLog())
                .pollingEvery(Duration.ofMillis(50))
                .until(driver -> Integer.parseInt(overlay.getAttribute("data-event-count")) >= 4);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        log.info("Captured events reached the map after {} ms", elapsed.toMillis());

        assertThat(elapsed).isLessThan(LIVE_BUDGET);
        assertThat(overlay.getAttribute("data-event-count")).isEqualTo("4");
        // The mango events with a geo: read point are drawn; the first has an SGLN without master data.
        assertThat(overlay.getAttribute("data-located-count")).isEqualTo("3");
        Object features = browser.driver().executeScript("""
                const map = document.querySelector('langso-map').olMap;
                const layer = map.getLayers().getArray().find(l => l.get('langsoLayer') === 'traceability-live');
                return layer ? layer.getSource().getFeatures().length : -1;""");
        assertThat(((Number) features).intValue()).isEqualTo(3);
    }

    @Test
    void consumerPageShowsJourney() throws Exception {
        assertThat(capture(example("rice"))).isEqualTo(202);

        browser.driver().get(uiUrl() + "/01/08930001000018/10/LUA-2607");
        browser.waiting().withMessage(() -> "no journey\nconsole:\n" + browser.consoleLog())
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#batch-journey li")));

        assertThat(browser.driver().findElement(By.id("batch-product")).getText()).isEqualTo("Gạo thơm Đồng Tháp");
        assertThat(browser.driver().getTitle()).isEqualTo("Gạo thơm Đồng Tháp");
        List<WebElement> stops = browser.driver().findElements(By.cssSelector("#batch-journey li"));
        assertThat(stops).hasSize(4);
        assertThat(stops.get(0).getText()).contains("20/07/2026 06:30", "Thu hoạch, tạo lô", "Cánh đồng lúa Tháp Mười");
        assertThat(stops.get(3).getText()).contains("22/07/2026 09:00", "Lưu kho");
        assertThat(browser.driver().findElement(By.id("batch-certifications")).getText()).contains("VietGAP");
        assertThat(browser.driver().findElement(By.id("batch-areas")).getText()).contains("VN-DT-LUA-0101");
        WebElement map = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("langso-batch-map[data-ready='true']")));
        assertThat(map.getAttribute("data-stop-count")).isEqualTo("4");
        assertThat(map.getAttribute("data-area-count")).isEqualTo("1");
        browser.waiting().withMessage(() -> "no commune background\nconsole:\n" + browser.consoleLog())
                .until(driver -> map.getAttribute("data-communes-loaded") != null);
        assertThat(Integer.parseInt(map.getAttribute("data-communes-loaded"))).isPositive();
        WebElement qr = browser.driver().findElement(By.cssSelector("#batch-qr svg"));
        assertThat(qr.isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("batch-qr")).getAttribute("data-content"))
                .isEqualTo("http://127.0.0.1:" + port + "/01/08930001000018/10/LUA-2607");
        Path screenshot = browser.screenshot("traceability-consumer-page.png");
        assertThat(Files.size(screenshot)).isPositive();

        browser.driver().get(uiUrl() + "/01/08930001000018/10/LUA-2607?lang=en");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("batch-product"), "Đồng Tháp fragrant rice"));
        assertThat(browser.driver().findElement(By.id("batch-journey")).getText())
                .contains("Harvested, batch created", "Stored");
    }

    @Test
    void unknownBatchShowsNotFound() {
        browser.driver().get(uiUrl() + "/01/08930001000018/10/NO-SUCH-LOT?lang=vi");

        WebElement message = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("batch-not-found")));
        assertThat(message.getText()).contains("08930001000018", "NO-SUCH-LOT");
    }

    private static int capture(String document) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + "/epcis/capture"))
                .header("Content-Type", "application/ld+json")
                .header("X-EPCIS-Partner-Token", PARTNER_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(document))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /** Reads one of the backend's shipped example documents from its source folder. */
    private static String example(String product) throws IOException {
        Path file = Path.of("..", "backend", "src", "main", "resources", "traceability", "examples",
                "dong-thap-" + product + ".jsonld");
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
