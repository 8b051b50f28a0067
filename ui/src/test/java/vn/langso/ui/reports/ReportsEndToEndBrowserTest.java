package vn.langso.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.testing.SharedData;
import vn.langso.ui.testing.Browser;
import vn.langso.ui.testing.BrowserTestSupport;

/**
 * Citizen and official in two headless Chromium windows against the real backend. The citizen sends a report with
 * a real photo, and the inbox of an official of that commune shows it without reloading. The official assigns it
 * and sends a reply, which the citizen's page shows without reloading. Also the stale-version conflict of two
 * officials, the rating after resolution and an official of another commune.
 */
class ReportsEndToEndBrowserTest extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ReportsTestBackend backend;
    private static Browser citizenBrowser;
    private static Browser officialBrowser;

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        backend = closeAfterAll(ReportsTestBackend.start());
        useBackend(registry, backend.baseUrl());
    }

    @BeforeAll
    static void startBrowsers() throws IOException {
        citizenBrowser = closeAfterAll(Browser.start());
        officialBrowser = closeAfterAll(Browser.start());
    }

    /** Returns false, because the citizen and the official each have a browser of their own. */
    @Override
    protected boolean usesSharedBrowser() {
        return false;
    }

    /**
     * Signs the browser in as a commune official of the commune through the real sign-in page, after dropping the
     * cookies so that a user signed in by an earlier test is gone.
     */
    private void signInAsOfficial(Browser browser, String communeCode) throws IOException, InterruptedException {
        ReportsTestBackend.Account account = backend.official(communeCode);
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(uiUrl() + "/sign-in?lang=vi");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sign-in-username input")));
        browser.driver().findElement(By.cssSelector("#sign-in-username input")).sendKeys(account.username());
        browser.driver().findElement(By.cssSelector("#sign-in-password input")).sendKeys(account.password());
        browser.driver().findElement(By.id("sign-in-submit")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"),
                "Cán bộ xã " + communeCode));
    }

    @Test
    void citizenReportReachesOfficialAndAnswerComesBack() throws IOException, InterruptedException {
        Path photo = SharedData.require("camera/bus.jpg");
        String commune = backend.communeAt(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        ReportPages official = new ReportPages(officialBrowser, uiUrl());
        ReportPages citizen = new ReportPages(citizenBrowser, uiUrl());

        signInAsOfficial(officialBrowser, commune);
        official.open("/reports/inbox?lang=vi");
        awaitLive(officialBrowser);
        markPageLoad(official);

        citizen.openForm("?lang=vi");
        citizen.chooseCategory("Đèn đường hỏng");
        citizen.typeDescription("Đèn đường trước trường tiểu học không sáng");
        citizen.pickLocation(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        citizen.attach(photo);
        citizen.submit();
        long id = citizen.awaitFollowPage();
        awaitLive(citizenBrowser);
        markPageLoad(citizen);

        WebElement grid = officialBrowser.driver().findElement(By.id("report-inbox-grid"));
        officialBrowser.waiting().until(driver -> ("," + grid.getAttribute("data-report-ids") + ",").contains("," + id + ","));
        assertThat(samePageLoad(official)).as("inbox updated without reloading").isTrue();
        WebElement inboxMap = officialBrowser.driver().findElement(By.id("report-inbox-map"));
        officialBrowser.waiting().until(driver -> ("," + inboxMap.getAttribute("data-report-ids") + ",").contains("," + id + ","));
        officialBrowser.waiting().until(driver -> Integer.parseInt(
                inboxMap.getAttribute("data-choropleth-communes") == null ? "0" : inboxMap.getAttribute("data-choropleth-communes")) >= 1);
        assertThat(officialBrowser.driver().findElement(By.id("report-stats-communes")).getText()).contains(commune);
        officialBrowser.screenshot("reports-inbox-live.png");

        clickRow(officialBrowser, id);
        WebElement panel = officialBrowser.waiting().until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-handler-panel[data-status='received']")));
        assertThat(panel.findElement(By.id("report-description-text")).getText())
                .isEqualTo("Đèn đường trước trường tiểu học không sáng");
        assertThat(panel.findElements(By.cssSelector("#report-media-list img"))).hasSize(1);

        click(officialBrowser, "report-move-assigned");
        officialBrowser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report-handler-panel[data-status='assigned']")));
        String answer = "Đã giao đội điện lực thay bóng đèn trong hai ngày.";
        officialBrowser.driver().findElement(By.cssSelector("#report-answer textarea")).sendKeys(answer);
        click(officialBrowser, "report-answer-send");
        officialBrowser.waiting().ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.id("report-messages")).getText().contains(answer));
        officialBrowser.screenshot("reports-inbox-answered.png");

        citizenBrowser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> "assigned".equals(citizen.status()));
        // The page redraws the report on each live event, so an element found a moment ago may be gone.
        citizenBrowser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> citizen.messages().stream()
                .anyMatch(message -> message.getText().contains(answer)
                        && "handler".equals(message.getAttribute("data-from"))));
        assertThat(samePageLoad(citizen)).as("citizen page updated without reloading").isTrue();
        assertThat(citizenBrowser.driver().findElement(By.id("report-timeline")).getText())
                .contains("Đã tiếp nhận").contains("Đã giao xử lý");
        citizenBrowser.screenshot("reports-follow-answered.png");
    }

    @Test
    void staleVersionAsksOfficialToReload() throws IOException, InterruptedException {
        String commune = backend.communeAt(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        long id = createReport("Cây đổ chắn lối vào chợ");
        ReportPages official = new ReportPages(officialBrowser, uiUrl());
        signInAsOfficial(officialBrowser, commune);
        official.open("/reports/inbox?lang=vi");
        WebElement grid = officialBrowser.driver().findElement(By.id("report-inbox-grid"));
        officialBrowser.waiting().until(driver -> ("," + grid.getAttribute("data-report-ids") + ",").contains("," + id + ","));
        clickRow(officialBrowser, id);
        officialBrowser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report-handler-panel[data-status='received']")));
        // Stop the live stream, so that the page keeps the version it read, as when two officials act at once.
        official.js().executeScript("document.getElementById('reports-live').remove()");

        String otherOfficial = backend.token(backend.createOfficial("Cán bộ khác", commune));
        int version = backend.getJson("/api/v1/reports/" + id, otherOfficial).path("version").asInt();
        HttpResponse<String> moved = backend.postJson("/api/v1/reports/" + id + "/transitions",
                "{\"status\":\"in_progress\",\"version\":" + version + "}", otherOfficial);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        click(officialBrowser, "report-move-assigned");

        assertThat(official.errorText()).isEqualTo("Phản ánh vừa được người khác cập nhật, vui lòng tải lại");
        officialBrowser.driver().findElement(By.id("report-reload")).click();
        officialBrowser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#report-handler-panel[data-status='in_progress']")));
        assertThat(officialBrowser.driver().findElements(By.id("report-move-resolved"))).hasSize(1);
    }

    @Test
    void officialOfOtherCommuneSeesNothing() throws IOException, InterruptedException {
        long id = createReport("Ngập nước ở hẻm 5");
        ReportPages official = new ReportPages(officialBrowser, uiUrl());
        String reportCommune = backend.communeAt(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        String otherCommune = backend.communeAt(ReportsTestBackend.OTHER_LON, ReportsTestBackend.OTHER_LAT);
        assertThat(otherCommune).isNotEqualTo(reportCommune);
        signInAsOfficial(officialBrowser, otherCommune);

        official.open("/reports/inbox?lang=vi");

        WebElement summary = officialBrowser.waiting().until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-inbox-summary[data-total]")));
        assertThat(officialBrowser.driver().findElement(By.id("report-inbox-grid")).getAttribute("data-report-ids"))
                .doesNotContain(String.valueOf(id));
        assertThat(summary.getAttribute("data-total")).isEqualTo("0");
    }

    @Test
    void citizenRatesResolvedReportFromSavedLink() throws IOException, InterruptedException {
        String commune = backend.communeAt(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        HttpResponse<String> created = backend.postJson("/api/v1/reports", """
                {"category":"waste","description":"Rác đổ trộm bên kênh","lon":%s,"lat":%s}"""
                .formatted(ReportsTestBackend.LON, ReportsTestBackend.LAT), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        JsonNode report = answer.path("report").isObject() ? answer.path("report") : answer;
        long id = report.path("id").asLong();
        String token = answer.path("followToken").asString();
        ReportPages citizen = new ReportPages(citizenBrowser, uiUrl());

        citizen.open("/reports/" + id + "?token=" + token + "&lang=vi");
        citizenBrowser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report-message-field")));
        awaitLive(citizenBrowser);
        markPageLoad(citizen);

        String official = backend.token(backend.official(commune));
        for (String status : new String[] {"in_progress", "resolved"}) {
            int version = backend.getJson("/api/v1/reports/" + id, official).path("version").asInt();
            HttpResponse<String> moved = backend.postJson("/api/v1/reports/" + id + "/transitions",
                    "{\"status\":\"" + status + "\",\"version\":" + version + ",\"note\":\"Đã thu gom\"}", official);
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }

        WebElement stars = citizenBrowser.waiting().ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("report-rating-stars")));
        assertThat(samePageLoad(citizen)).as("rating offered without reloading").isTrue();
        assertThat(citizen.status()).isEqualTo("resolved");
        stars.findElements(By.cssSelector("vaadin-radio-button")).get(3).click();
        citizenBrowser.driver().findElement(By.cssSelector("#report-rating-comment textarea")).sendKeys("Xử lý nhanh");
        citizenBrowser.driver().findElement(By.id("report-rating-send")).click();

        citizenBrowser.waiting().ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElement(By.cssSelector(".report-facts")).getText().contains("★★★★☆ — Xử lý nhanh"));
        assertThat(citizenBrowser.driver().findElements(By.id("report-rating-stars"))).isEmpty();
        assertThat(backend.getJson("/api/v1/reports/" + id, official).path("rating").asInt()).isEqualTo(4);
        citizenBrowser.screenshot("reports-follow-rated.png");
    }

    /** Files a report through the API as an anonymous citizen and returns its id. */
    private static long createReport(String description) throws IOException, InterruptedException {
        HttpResponse<String> created = backend.postJson("/api/v1/reports", """
                {"category":"fallen_tree","description":"%s","lon":%s,"lat":%s}"""
                .formatted(description, ReportsTestBackend.LON, ReportsTestBackend.LAT), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        return answer.path("report").isObject() ? answer.path("report").path("id").asLong() : answer.path("id").asLong();
    }

    private static void awaitLive(Browser browser) {
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("reports-live"), "data-connected", "true"));
    }

    /** Marks the loaded page, so that a later check can tell whether the browser loaded a new page since. */
    private static void markPageLoad(ReportPages pages) {
        pages.js().executeScript("window.langsoTestPageMark = 'same page';");
    }

    private static boolean samePageLoad(ReportPages pages) {
        return "same page".equals(pages.js().executeScript("return window.langsoTestPageMark;"));
    }

    /** Clicks the element with the id, finding it again when a live update has just redrawn it. */
    private static void click(Browser browser, String id) {
        browser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.id(id)).click();
            return true;
        });
    }

    /** Clicks the inbox row of the report; a live update may redraw the rows between finding and clicking. */
    private static void clickRow(Browser browser, long id) {
        browser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement cell = driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(candidate -> candidate.getText().strip().equals("#" + id)).findFirst().orElse(null);
            if (cell == null) {
                return false;
            }
            cell.click();
            return true;
        });
    }
}
