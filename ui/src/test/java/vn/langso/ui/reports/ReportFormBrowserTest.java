package vn.langso.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.testing.SharedData;
import vn.langso.ui.testing.BrowserTestSupport;

/**
 * The citizen's report form in headless Chromium against the real backend: sending with a real photo, the errors
 * of the API in Vietnamese, the nearby-duplicate hint, the device position and the English page.
 */
class ReportFormBrowserTest extends BrowserTestSupport {

    private static final String PHOTO = "camera/bus.jpg";

    private static ReportsTestBackend backend;

    private ReportPages pages;

    @TempDir
    Path folder;

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws SQLException, IOException, InterruptedException {
        backend = closeAfterAll(ReportsTestBackend.start());
        useBackend(registry, backend.baseUrl());
    }

    @BeforeEach
    void pages() {
        pages = new ReportPages(browser, uiUrl());
    }

    @Test
    void reportWithPhotoOpensFollowPage() throws IOException, InterruptedException {
        Path photo = SharedData.require(PHOTO);
        pages.openForm("?lang=vi");

        pages.chooseCategory("Ngập nước");
        pages.typeDescription("Đường trước chợ ngập sâu sau mưa");
        pages.pickLocation(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        browser.driver().findElement(By.cssSelector("#report-address input")).sendKeys("Chợ Mỹ Trà");
        pages.attach(photo);
        pages.submit();

        long id = pages.awaitFollowPage();
        assertThat(pages.status()).isEqualTo("received");
        assertThat(browser.driver().findElement(By.id("report-status")).getText()).isEqualTo("Đã tiếp nhận");
        assertThat(browser.driver().findElement(By.id("report-description-text")).getText())
                .isEqualTo("Đường trước chợ ngập sâu sau mưa");
        assertThat(browser.driver().findElement(By.id("report-follow-link")).getAttribute("href"))
                .contains("/reports/" + id + "?token=");
        WebElement image = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-media-list img")));
        browser.waiting().until(driver -> (Boolean) pages.js().executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        assertThat(image.getAttribute("src")).startsWith(backend.baseUrl() + "/api/v1/reports/" + id + "/media/");
        browser.screenshot("reports-follow-vi.png");

        JsonNode stored = backend.getJson("/api/v1/reports/" + id + "/public", null);
        assertThat(stored.path("address").asString()).isEqualTo("Chợ Mỹ Trà");
        assertThat(stored.path("media")).hasSize(1);
        assertThat(stored.path("media").get(0).path("contentType").asString()).isEqualTo("image/jpeg");
    }

    @Test
    void outsideProvinceIsExplained() {
        pages.openForm("?lang=vi");

        pages.chooseCategory("Rác thải, đổ trộm");
        pages.typeDescription("Bãi rác tự phát");
        pages.pickLocation(104.9160, 11.5564);
        pages.submit();

        assertThat(pages.errorText()).isEqualTo("Vị trí đã chọn nằm ngoài tỉnh Đồng Tháp. Hãy chọn một điểm trong tỉnh.");
        assertThat(browser.driver().getCurrentUrl()).contains("/reports/new");
    }

    @Test
    void fileThatIsNotImageIsRejected() throws IOException {
        Path fake = folder.resolve("anh-hien-truong.jpg");
        Files.writeString(fake, "this is text, not a JPEG photo", StandardCharsets.UTF_8);
        pages.openForm("?lang=vi");

        pages.chooseCategory("Cây đổ");
        pages.typeDescription("Cây đổ chắn ngang đường");
        pages.pickLocation(ReportsTestBackend.LON, ReportsTestBackend.LAT);
        pages.attach(fake);
        pages.submit();

        assertThat(pages.errorText()).isEqualTo(
                "Loại tệp không được chấp nhận. Chỉ nhận ảnh JPEG, PNG, WebP, HEIC và video MP4.");
    }

    @Test
    void missingFieldsAreNamedBeforeSending() {
        pages.openForm("?lang=vi");

        pages.submit();
        String noCategory = pages.errorText();
        assertThat(noCategory).isEqualTo("Hãy chọn loại phản ánh.");

        pages.chooseCategory("Cây đổ");
        pages.submit();
        String noDescription = pages.errorTextOtherThan(noCategory);
        assertThat(noDescription).isEqualTo("Hãy mô tả sự việc cần phản ánh.");

        pages.typeDescription("Cây đổ");
        pages.submit();
        assertThat(pages.errorTextOtherThan(noDescription)).startsWith("Hãy chọn vị trí trên bản đồ");
    }

    @Test
    void descriptionSaysWhatIsPublic() {
        pages.openForm("?lang=vi");

        String helper = browser.driver().findElement(By.cssSelector("#report-description [slot='helper']")).getText();
        assertThat(helper).isEqualTo("Mô tả, địa chỉ, ảnh và video được hiển thị công khai trên bản đồ và trang của "
                + "phản ánh. Đừng ghi họ tên, số điện thoại hay thông tin cá nhân khác vào mô tả và địa chỉ.");
    }

    @Test
    void similarReportNearbyCanBeFollowed() throws IOException, InterruptedException {
        var created = backend.postJson("/api/v1/reports", """
                {"category":"street_light","description":"Đèn đường số 3 không sáng","lon":%s,"lat":%s}"""
                .formatted(ReportsTestBackend.LON, ReportsTestBackend.LAT), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JsonMapper.builder().build().readTree(created.body());
        long existing = answer.path("report").isObject() ? answer.path("report").path("id").asLong() : answer.path("id").asLong();
        pages.openForm("?lang=vi");

        pages.chooseCategory("Đèn đường hỏng");
        pages.pickLocation(ReportsTestBackend.LON + 0.0004, ReportsTestBackend.LAT);

        WebElement nearby = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-nearby")));
        assertThat(nearby.getText()).contains("Đã có phản ánh tương tự gần đây").contains("Đèn đường số 3 không sáng");
        browser.screenshot("reports-form-nearby.png");
        nearby.findElement(By.id("report-follow-" + existing)).click();

        browser.waiting().until(ExpectedConditions.urlMatches(".*/reports/" + existing + "$"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report-public-only")));
        assertThat(browser.driver().findElement(By.id("report-description-text")).getText())
                .isEqualTo("Đèn đường số 3 không sáng");
    }

    @Test
    void devicePositionIsUsed() {
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("permissions", java.util.List.of("geolocation")));
        browser.driver().executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", ReportsTestBackend.LAT, "longitude", ReportsTestBackend.LON, "accuracy", 25));
        try {
            pages.openForm("?lang=vi");

            browser.driver().findElement(By.id("report-locate")).click();

            WebElement location = browser.driver().findElement(By.id("report-location"));
            browser.waiting().until(ExpectedConditions.attributeToBeNotEmpty(location, "data-lon"));
            assertThat(Double.parseDouble(location.getAttribute("data-lon"))).isCloseTo(ReportsTestBackend.LON,
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(location.getText()).contains("sai số khoảng 25 m");
            assertThat(browser.driver().findElement(By.id("report-location-map")).getAttribute("data-point"))
                    .isEqualTo(ReportsTestBackend.LON + "," + ReportsTestBackend.LAT);
        } finally {
            browser.driver().executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
        }
    }

    @Test
    void formFitsPhoneScreen() throws IOException {
        org.openqa.selenium.Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            pages.openForm("?lang=vi");

            long overflow = (Long) pages.js().executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal scrolling on a 390 px wide screen").isLessThanOrEqualTo(0);
            WebElement submit = browser.driver().findElement(By.id("report-submit"));
            assertThat(submit.getRect().getX() + submit.getRect().getWidth()).isLessThanOrEqualTo(390);
            browser.screenshot("reports-form-phone.png");
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void englishFormExplainsInEnglish() throws IOException {
        pages.openForm("?lang=en");

        assertThat(browser.driver().findElement(By.id("reports-title")).getText()).isEqualTo("Send a report");
        assertThat(browser.driver().findElement(By.id("report-submit")).getText()).isEqualTo("Send report");
        assertThat(browser.driver().findElement(By.cssSelector("#report-description [slot='helper']")).getText())
                .startsWith("The description, address, photos and videos are shown publicly");
        pages.submit();
        assertThat(pages.errorText()).isEqualTo("Choose a category.");
        browser.screenshot("reports-form-en.png");
        pages.openForm("?lang=vi");
    }
}
