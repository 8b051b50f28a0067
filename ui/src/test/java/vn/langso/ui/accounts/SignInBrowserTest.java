package vn.langso.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BrowserTestSupport;
import vn.langso.ui.testing.TestAccounts;

/**
 * Sign-in end to end: the first administrator made by the backend jar's create-admin command, the real backend,
 * this ui and headless Chromium. The audit page only fills when the ui forwards the signed-in user's token.
 */
class SignInBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "mật khẩu quản trị Đồng Tháp";

    @DynamicPropertySource
    static void setUpBackend(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        TestDatabase database = createDatabase();
        TestAccounts.createAdministrator(database, "quan.tri", "Quản trị tỉnh", PASSWORD);
        startBackend(registry, database);
    }

    private void signIn(String query, String username, String password) {
        browser.driver().get(uiUrl() + "/sign-in" + query);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sign-in-username input")));
        browser.driver().findElement(By.cssSelector("#sign-in-username input")).sendKeys(username);
        browser.driver().findElement(By.cssSelector("#sign-in-password input")).sendKeys(password);
        browser.driver().findElement(By.id("sign-in-submit")).click();
    }

    @Test
    void administratorSignsInReadsAuditAndSignsOut() throws IOException {
        signIn("", "quan.tri", PASSWORD);

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
        assertThat(browser.driver().findElement(By.id("signed-in-user")).getText()).isEqualTo("Quản trị tỉnh");
        browser.screenshot("signed-in-map-vi.png");

        browser.driver().findElement(By.id("audit-link")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-grid"), "auth.sign-in"));
        assertThat(browser.driver().findElement(By.id("audit-grid")).getText()).contains("success").contains("127.0.0.1");
        browser.screenshot("audit-vi.png");

        browser.driver().get(uiUrl() + "/");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
        assertThat(browser.driver().findElements(By.id("signed-in-user"))).isEmpty();
    }

    @Test
    void wrongPasswordShownInVietnamese() {
        signIn("", "quan.tri", "không đúng mật khẩu");

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-message"),
                "Sai tên đăng nhập"));
        assertThat(browser.driver().getTitle()).isEqualTo("Đăng nhập");
    }

    @Test
    void englishPageOffersBothWays() {
        browser.driver().get(uiUrl() + "/sign-in?lang=en");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-tabs")));

        assertThat(browser.driver().getTitle()).isEqualTo("Sign in");
        assertThat(browser.driver().findElement(By.id("sign-in-tabs")).getText()).contains("User name").contains("Phone number");
    }

    @Test
    void auditPageSendsVisitorsToSignIn() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(uiUrl() + "/admin/audit");

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-tabs")));
    }
}
