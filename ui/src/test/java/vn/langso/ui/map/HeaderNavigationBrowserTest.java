package vn.langso.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.Browser;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.TestAccounts;

/**
 * The map page header's links for an anonymous visitor, a signed-in citizen and a signed-in administrator, with the
 * real backend jar, real accounts and headless Chromium. Each case uses its own browser, so sessions do not mix.
 */
class HeaderNavigationBrowserTest extends BrowserTestSupport {

    private static final String ADMIN = "quan.tri.dieu.huong";
    private static final String ADMIN_PASSWORD = "mật khẩu quản trị điều hướng";
    private static final String CITIZEN = "nguoi.dan.an";
    private static final String CITIZEN_PASSWORD = "mật khẩu người dân An";

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        TestDatabase database = createDatabase();
        TestAccounts.createAdministrator(database, ADMIN, "Quản trị điều hướng", ADMIN_PASSWORD);
        BackendProcess backend = startBackend(registry, database);
        TestAccounts.createUser(backend.baseUrl(), ADMIN, ADMIN_PASSWORD, Map.of("username", CITIZEN,
                "displayName", "Người dân An", "password", CITIZEN_PASSWORD, "roles", List.of("citizen")));
    }

    /** Returns false, because each test starts a browser of its own, so that sessions do not mix. */
    @Override
    protected boolean usesSharedBrowser() {
        return false;
    }

    @Test
    void anonymousSeesPublicLinksInVietnamese() throws IOException {
        try (Browser browser = Browser.start()) {
            browser.driver().get(uiUrl() + "/?lang=vi");
            WebElement navigation = browser.waiting().until(driver -> driver.findElement(By.id("header-navigation")));

            assertThat(navigation.findElement(By.id("nav-report-new")).getText()).isEqualTo("Gửi phản ánh");
            assertThat(navigation.findElement(By.id("nav-report-new")).getDomAttribute("href")).isEqualTo("reports/new?lang=vi");
            assertThat(navigation.findElement(By.id("open-analyses")).getText()).isEqualTo("Phân tích quy hoạch");
            assertThat(navigation.findElements(By.id("nav-report-inbox"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("sign-in-link")).getText()).isEqualTo("Đăng nhập");
        }
    }

    @Test
    void englishPageShowsEnglishLinks() throws IOException {
        try (Browser browser = Browser.start()) {
            browser.driver().get(uiUrl() + "/?lang=en");
            WebElement navigation = browser.waiting().until(driver -> driver.findElement(By.id("header-navigation")));

            assertThat(navigation.findElement(By.id("nav-report-new")).getText()).isEqualTo("Send a report");
            assertThat(navigation.findElement(By.id("nav-report-new")).getDomAttribute("href")).isEqualTo("reports/new?lang=en");
            assertThat(navigation.findElement(By.id("open-analyses")).getText()).isEqualTo("Planning analyses");
        }
    }

    @Test
    void citizenSeesNoInbox() throws IOException {
        try (Browser browser = Browser.start()) {
            TestAccounts.signIn(browser.driver(), port, CITIZEN, CITIZEN_PASSWORD);
            WebElement navigation = browser.waiting().until(driver -> driver.findElement(By.id("header-navigation")));

            assertThat(browser.driver().findElement(By.id("signed-in-user")).getText()).isEqualTo("Người dân An");
            assertThat(navigation.findElements(By.id("nav-report-new"))).hasSize(1);
            assertThat(navigation.findElements(By.id("nav-report-inbox"))).isEmpty();
        }
    }

    @Test
    void administratorOpensInbox() throws IOException {
        try (Browser browser = Browser.start()) {
            TestAccounts.signIn(browser.driver(), port, ADMIN, ADMIN_PASSWORD);
            WebElement inbox = browser.waiting().until(driver -> driver.findElement(By.id("nav-report-inbox")));

            assertThat(inbox.getText()).isEqualTo("Hộp thư phản ánh");
            assertThat(inbox.getDomAttribute("href")).isEqualTo("reports/inbox?lang=vi");
            inbox.click();
            browser.waiting().until(driver -> driver.getCurrentUrl().contains("/reports/inbox"));
        }
    }
}
