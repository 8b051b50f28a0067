package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.MapTestData;

/**
 * The analyses page end to end: the real backend jar over PostGIS with the map test data, this ui and headless
 * Chromium drawing a choropleth and a coverage analysis from links that start them.
 */
class AnalysisBrowserTest extends BrowserTestSupport {

    private static final Logger log = LoggerFactory.getLogger(AnalysisBrowserTest.class);

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        TestDatabase database = createDatabase();
        log.info("Analysis test data: {}", MapTestData.load(database).description());
        startBackend(registry, database);
    }

    @Test
    void densityChoroplethWithLegend() throws IOException {
        browser.driver().get(uiUrl() + "/analyses?layer=schools&measure=density");

        WebElement map = browser.waiting()
                .withMessage(() -> "no choropleth drawn; console:\n" + browser.consoleLog())
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("langso-analysis-map[data-choropleth-communes]")));
        assertThat(Integer.parseInt(map.getAttribute("data-choropleth-communes"))).isPositive();
        assertThat(browser.driver().findElement(By.id("app-title")).getText()).isEqualTo("Phân tích quy hoạch");
        assertThat(browser.driver().findElements(By.cssSelector("#analysis-legend .langso-legend-entry"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#analysis-legend .langso-legend-title")).getText())
                .isEqualTo("Mật độ (trên km²)");
        assertThat(browser.driver().findElement(By.id("choropleth-heading")).getText()).isEqualTo("Mật độ theo xã, phường");
        assertThat(browser.driver().findElement(By.id("analysis-table")).getText()).contains("Xã, phường");
        assertThat(browser.driver().findElement(By.id("analysis-table")).getText()).contains("Mật độ (trên km²)");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("langso-analysis-map[data-base-map-loaded]")));
        Number zoom = (Number) browser.driver().executeScript(
                "return document.querySelector('langso-analysis-map')._map.getView().getZoom();");
        assertThat(zoom.doubleValue()).as("view fitted to the province's communes").isBetween(6.0, 14.0);
        browser.screenshot("analyses-density-vi.png");
    }

    @Test
    void coverageListsPlacesBeyondDistance() throws IOException {
        browser.driver().get(uiUrl() + "/analyses?coverage=schools&target=clinics&distance=500&lang=en");

        WebElement map = browser.waiting()
                .withMessage(() -> "no coverage drawn; console:\n" + browser.consoleLog())
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("langso-analysis-map[data-beyond-features]")));
        WebElement summary = browser.driver().findElement(By.id("analysis-summary"));
        assertThat(summary.getText()).contains("are farther than 500 m from every place of layer");
        assertThat(Integer.parseInt(map.getAttribute("data-beyond-features"))).isGreaterThanOrEqualTo(0);
        assertThat(browser.driver().findElement(By.id("analysis-table")).getText()).contains("Beyond the distance");
        assertThat(browser.driver().findElement(By.id("analysis-table")).getText())
                .contains("Share of places farther than 500 m (%)");
        // Most real communes have none of the few test schools: they get the grey "No places" entry, not a 0 % class.
        String legend = browser.driver().findElement(By.id("analysis-legend")).getText();
        assertThat(legend).contains("Share of places farther than 500 m (%)");
        assertThat(legend).contains("No places");
        browser.screenshot("analyses-coverage-en.png");
    }

    @Test
    void shareNamesMeasureAndValue() {
        browser.driver().get(uiUrl() + "/analyses?layer=schools&measure=share&attribute=school_level&value=primary");

        browser.waiting()
                .withMessage(() -> "no choropleth drawn; console:\n" + browser.consoleLog())
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("langso-analysis-map[data-choropleth-communes]")));
        assertThat(browser.driver().findElement(By.id("choropleth-heading")).getText()).isEqualTo("Tỷ lệ theo xã, phường");
        assertThat(browser.driver().findElement(By.cssSelector("#analysis-legend .langso-legend-title")).getText())
                .isEqualTo("Tỷ lệ điểm có school_level = primary (%)");
        String table = browser.driver().findElement(By.id("analysis-table")).getText();
        assertThat(table).contains("Tỷ lệ điểm có school_level = primary (%)");
        assertThat(table).doesNotContain("Giá trị");
    }

    @Test
    void growingAreasShareByKind() {
        browser.driver().get(uiUrl() + "/analyses?layer=growing-areas&measure=share&attribute=area_kind&value=pond");

        WebElement map = browser.waiting()
                .withMessage(() -> "no choropleth drawn; console:\n" + browser.consoleLog())
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("langso-analysis-map[data-choropleth-communes]")));
        assertThat(Integer.parseInt(map.getAttribute("data-choropleth-communes"))).isPositive();
        assertThat(browser.driver().findElement(By.cssSelector("#analysis-legend .langso-legend-title")).getText())
                .isEqualTo("Tỷ lệ điểm có area_kind = pond (%)");
        assertThat(browser.driver().findElement(By.id("analysis-table")).getText()).contains("Phong Hòa");
    }

    @Test
    void unknownLayerExplainedNotSent() {
        browser.driver().get(uiUrl() + "/analyses?layer=nope&measure=share");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("layer=nope").contains("không có lớp dữ liệu nào tên “nope”");
        assertThat(notification.getText()).contains("schools (Trường học)");
        // The page and its notifications arrive in one response: an analysis request would have added its error.
        List<String> notificationTexts = browser.driver().findElements(By.tagName("vaadin-notification-card")).stream()
                .map(WebElement::getText).toList();
        assertThat(notificationTexts).hasSize(1);
        assertThat(notificationTexts.getFirst()).doesNotContain("thử lại sau");
    }

    @Test
    void unknownMeasureExplainedNotSent() {
        browser.driver().get(uiUrl() + "/analyses?layer=schools&measure=nope");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("measure=nope").contains("không có chỉ số nào tên “nope”");
        assertThat(notification.getText()).contains("density — Mật độ (trên km²)");
        assertThat(browser.driver().findElements(By.tagName("vaadin-notification-card"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("langso-analysis-map[data-choropleth-communes]"))).isEmpty();
    }

    @Test
    void unknownAttributeExplainedNotSent() {
        browser.driver().get(uiUrl() + "/analyses?layer=schools&measure=share&attribute=nope&value=primary&lang=en");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("attribute=nope").contains("school_level");
        assertThat(browser.driver().findElements(By.tagName("vaadin-notification-card"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("langso-analysis-map[data-choropleth-communes]"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("choropleth-attribute")).isDisplayed()).isTrue();
    }

    @Test
    void unknownValueExplainedNotDrawn() {
        browser.driver().get(uiUrl() + "/analyses?layer=schools&measure=share&attribute=school_level&value=nope");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("value=nope").contains("thuộc tính school_level")
                .contains("primary");
        assertThat(browser.driver().findElements(By.tagName("vaadin-notification-card"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("langso-analysis-map[data-choropleth-communes]"))).isEmpty();
    }

    @Test
    void unknownTargetExplainedInEnglish() {
        browser.driver().get(uiUrl() + "/analyses?coverage=schools&target=hospitals&distance=500&lang=en");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("target=hospitals").contains("no layer named “hospitals”");
        assertThat(browser.driver().findElements(By.tagName("vaadin-notification-card"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("langso-analysis-map[data-beyond-features]"))).isEmpty();
    }

    @Test
    void sameLayersExplainedInVietnamese() {
        browser.driver().get(uiUrl() + "/analyses?coverage=schools&target=schools");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("Hãy chọn hai lớp khác nhau");
    }

    @Test
    void invalidDistanceExplainedInVietnamese() {
        browser.driver().get(uiUrl() + "/analyses?coverage=schools&target=clinics&distance=abc");

        WebElement notification = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.tagName("vaadin-notification-card")));
        assertThat(notification.getText()).contains("distance=abc").contains("số mét nguyên từ 1 đến 100000");
    }
}
