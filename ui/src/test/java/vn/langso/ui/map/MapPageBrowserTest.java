package vn.langso.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.MapTestData;

/**
 * The map page end to end: a fresh PostGIS database with communes and places, the real backend jar as a child
 * process, this ui on a random port and headless Chromium clicking real map features.
 */
class MapPageBrowserTest extends BrowserTestSupport {

    private static final Logger log = LoggerFactory.getLogger(MapPageBrowserTest.class);

    /** Runs before the Spring context starts, so that the ui is configured with the backend's port. */
    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        TestDatabase database = createDatabase();
        log.info("Map test data: {}", MapTestData.load(database).description());
        startBackend(registry, database);
    }

    @Test
    void vietnamesePageShowsPopupOfClickedFeature() throws IOException {
        WebElement map = openMap("");

        assertThat(browser.driver().getTitle()).isEqualTo("Làng Số — Bản đồ Đồng Tháp");
        assertThat(browser.driver().findElement(By.id("app-title")).getText()).isEqualTo("Làng Số — Bản đồ Đồng Tháp");
        assertThat(browser.driver().findElement(By.id("layer-switcher")).getText())
                .contains("Lớp dữ liệu")
                .contains("Cơ sở y tế");
        browser.screenshot("map-vi.png");

        String layer = firstLayerWithFeatures(map);
        WebElement popup = clickFirstFeature(map, layer);

        assertThat(popup.getAttribute("data-layer")).isEqualTo(layer);
        assertThat(popup.findElement(By.className("langso-popup-layer")).getText())
                .isEqualTo(vietnameseTitle(layer));
        assertThat(popup.getText()).contains("Xã/phường").contains("Địa chỉ");
        browser.screenshot("map-vi-popup.png");
    }

    @Test
    void englishPageShowsPopupOfClickedFeature() throws IOException {
        WebElement map = openMap("?lang=en");

        assertThat(browser.driver().getTitle()).isEqualTo("Làng Số — Đồng Tháp map");
        assertThat(browser.driver().findElement(By.id("layer-switcher")).getText())
                .contains("Layers")
                .contains("Health facilities");

        String layer = firstLayerWithFeatures(map);
        WebElement popup = clickFirstFeature(map, layer);

        assertThat(popup.findElement(By.className("langso-popup-layer")).getText())
                .isEqualTo(englishTitle(layer));
        assertThat(popup.getText()).contains("Commune").contains("Address").doesNotContain("Xã/phường");
        browser.screenshot("map-en-popup.png");
    }

    @Test
    void communeSearchWithoutDiacriticsZoomsToCommune() throws IOException {
        WebElement map = openMap("?lang=vi");
        double zoomBefore = zoom(map);

        search("my tra");

        String selected = browser.waiting().until(driver -> map.getAttribute("data-selected-commune"));
        assertThat(selected).isNotBlank();
        assertThat(zoom(map)).isGreaterThan(zoomBefore + 1);
        WebElement status = browser.driver().findElement(By.id("commune-search-status"));
        assertThat(status.getAttribute("data-outcome")).isEqualTo("found");
        assertThat(status.getText()).contains(MapTestData.SEARCHABLE_COMMUNE);
        browser.screenshot("map-vi-search.png");
    }

    @Test
    void communeSearchWithoutMatchSaysNotFound() {
        openMap("?lang=vi");

        search("Không Có Xã Này");

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("commune-search-status"), "data-outcome", "not-found"));
        assertThat(browser.driver().findElement(By.id("commune-search-status")).getText())
                .contains("Không tìm thấy")
                .contains("Không Có Xã Này");
    }

    @Test
    void englishSearchSaysNotFound() {
        openMap("?lang=en");

        search("zzzz");

        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("commune-search-status"), "data-outcome", "not-found"));
        assertThat(browser.driver().findElement(By.id("commune-search-status")).getText()).startsWith("Not found");
    }

    @Test
    void layerSwitcherHidesLayer() {
        WebElement map = openMap("?lang=vi");
        String layer = firstLayerWithFeatures(map);
        assertThat(visibleLayers(map)).contains(layer);

        browser.driver().findElement(By.id("layer-toggle-" + layer)).click();

        browser.waiting().until(driver -> !visibleLayers(map).contains(layer));
        assertThat(visibleLayers(map)).isNotEmpty();
    }

    @Test
    void clusterClickZoomsIn() {
        WebElement map = openMap("?lang=vi");
        String layer = MapTestData.CLUSTERED_LAYER;
        Object result = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "arguments[0].clusterPixel(arguments[1]).then(done, e => done({error: String(e)}));",
                map, layer);
        assertThat(result).as("a cluster of %s at the start view", layer).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> cluster = (Map<String, Object>) result;
        assertThat(cluster).doesNotContainKey("error");
        assertThat(((Number) cluster.get("size")).intValue()).isGreaterThan(1);
        double zoomBefore = zoom(map);

        new Actions(browser.driver())
                .moveToLocation(((Number) cluster.get("x")).intValue(), ((Number) cluster.get("y")).intValue())
                .click()
                .perform();

        browser.waiting().until(driver -> zoom(map) > zoomBefore + 0.5);
        assertThat(map.getAttribute("data-popup-open")).isNull();
    }

    @Test
    void languageLinkSwitchesToEnglish() {
        openMap("?lang=vi");

        browser.driver().findElement(By.id("lang-en")).click();

        browser.waiting().until(ExpectedConditions.titleIs("Làng Số — Đồng Tháp map"));
        assertThat(browser.driver().findElement(By.id("app-title")).getText()).isEqualTo("Làng Số — Đồng Tháp map");
    }

    @Test
    void unknownAddressSaysNotFoundInLanguage() {
        browser.driver().manage().deleteAllCookies();

        browser.driver().get(uiUrl() + "/khong-co-trang-nay");
        WebElement vietnamese = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(vietnamese.getText()).contains("Không tìm thấy trang").contains("/khong-co-trang-nay");

        browser.driver().get(uiUrl() + "/no-such-page?lang=en");
        WebElement english = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(english.getText()).contains("Page not found").contains("Back to the map");
    }

    @Test
    void baseMapComesFromOwnTiles() {
        WebElement map = openMap("");

        browser.waiting()
                .withMessage(() -> "no base map tile loaded; map element: " + describe(map) + "\nconsole:\n" + browser.consoleLog())
                .until(driver -> map.getAttribute("data-base-map-tiles") != null);
        assertThat(Integer.parseInt(map.getAttribute("data-base-map-tiles"))).isPositive();
        assertThat(map.getAttribute("data-load-failed")).isNull();

        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) browser.driver().executeScript(
                "return performance.getEntriesByType('resource').map(entry => entry.name);");
        assertThat(requested).anyMatch(url -> url.contains("/ogc/tiles/WebMercatorQuad/"));
        assertThat(requested).allMatch(url -> url.startsWith("http://127.0.0.1:"), "only loopback requests");
    }

    /** Opens the page as a new visitor (no session cookie, so no remembered language) and waits for the map data. */
    private WebElement openMap(String query) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(uiUrl() + "/" + query);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("langso-map[data-communes-loaded]")));
        WebElement map = browser.driver().findElement(By.tagName("langso-map"));
        browser.waiting()
                .withMessage(() -> "no point layer loaded; map element: " + describe(map) + "\nconsole:\n" + browser.consoleLog())
                .until(driver -> map.getAttribute("data-layers-loaded") != null);
        assertThat(Integer.parseInt(map.getAttribute("data-communes-loaded"))).isPositive();
        assertThat(map.getAttribute("data-load-failed")).isNull();
        return map;
    }

    private String describe(WebElement map) {
        return String.valueOf(browser.driver().executeScript(
                "const e = arguments[0]; return Array.from(e.attributes).map(a => a.name + '=' + a.value).join(' ')"
                        + " + ' layersJson=' + e.layersJson + ' backendUrl=' + e.backendUrl;", map));
    }

    /** Returns the first loaded layer with at least one feature, preferring clinics. */
    private static String firstLayerWithFeatures(WebElement map) {
        String[] loaded = map.getAttribute("data-layers-loaded").split(",");
        Optional<String> withFeatures = Arrays.stream(loaded)
                .filter(name -> Integer.parseInt(map.getAttribute("data-layer-" + name + "-count")) > 0)
                .sorted((a, b) -> Boolean.compare(!a.equals("clinics"), !b.equals("clinics")))
                .findFirst();
        assertThat(withFeatures).as("a point layer with features among %s", Arrays.toString(loaded)).isPresent();
        return withFeatures.get();
    }

    /** Zooms to the layer's first feature that is drawn alone, clicks it and returns the opened popup. */
    @SuppressWarnings("unchecked")
    private WebElement clickFirstFeature(WebElement map, String layer) {
        Object result = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "arguments[0].pixelOfFirstFeature(arguments[1]).then(done, e => done({error: String(e)}));",
                map, layer);
        assertThat(result).as("pixel of a feature of %s", layer).isInstanceOf(Map.class);
        Map<String, Object> feature = (Map<String, Object>) result;
        assertThat(feature).doesNotContainKey("error");

        int x = ((Number) feature.get("x")).intValue();
        int y = ((Number) feature.get("y")).intValue();
        new Actions(browser.driver()).moveToLocation(x, y).click().perform();

        WebElement popup = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("langso-popup")));
        assertThat(popup.findElement(By.className("langso-popup-name")).getText()).isEqualTo(feature.get("name"));
        return popup;
    }

    private void search(String text) {
        WebElement field = browser.driver().findElement(By.cssSelector("#commune-search input"));
        field.clear();
        field.sendKeys(text, Keys.ENTER);
    }

    private double zoom(WebElement map) {
        Object zoom = browser.driver().executeScript("return arguments[0].viewState().zoom;", map);
        return ((Number) zoom).doubleValue();
    }

    private String visibleLayers(WebElement map) {
        return (String) browser.driver().executeScript("return arguments[0].visibleLayers;", map);
    }

    private static String vietnameseTitle(String layer) {
        return switch (layer) {
            case "clinics" -> "Cơ sở y tế";
            case "schools" -> "Trường học";
            case "merchants" -> "Điểm kinh doanh";
            case "cameras" -> "Camera giao thông";
            case "reports" -> "Phản ánh hiện trường";
            case "cooperatives" -> "Hợp tác xã và hội quán";
            case "trace_locations" -> "Điểm truy xuất nguồn gốc";
            default -> throw new IllegalArgumentException("No Vietnamese title known for layer " + layer);
        };
    }

    private static String englishTitle(String layer) {
        return switch (layer) {
            case "clinics" -> "Health facilities";
            case "schools" -> "Schools";
            case "merchants" -> "Merchants";
            case "cameras" -> "Traffic cameras";
            case "reports" -> "Citizen reports";
            case "cooperatives" -> "Cooperatives and community clubs";
            case "trace_locations" -> "Traceability places";
            default -> throw new IllegalArgumentException("No English title known for layer " + layer);
        };
    }
}
