package vn.langso.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.langso.gis.testing.TestDatabase;
import vn.langso.ui.testing.BackendProcess;
import vn.langso.ui.testing.Browser;

/**
 * Sign-in end to end: the first administrator made by the backend jar's create-admin command, the real backend,
 * this ui and headless Chromium. The audit page only fills when the ui forwards the signed-in user's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class SignInBrowserTest {

    private static final String PASSWORD = "mật khẩu quản trị Đồng Tháp";

    private static TestDatabase database;
    private static BackendProcess backend;
    private static Browser browser;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void startBackend(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        database = TestDatabase.createMigrated();
        createAdministrator();
        backend = BackendProcess.start(database.url());
        registry.add("langso.backend.url", () -> backend.baseUrl().toString());
    }

    /** Runs {@code java -jar langso-backend.jar create-admin} as an operator would. */
    private static void createAdministrator() throws IOException, InterruptedException {
        Path passwordFile = Files.createTempFile("langso-admin", ".txt");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        Path log = Path.of("target", "create-admin.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                BackendProcess.DEFAULT_JAR.toAbsolutePath().normalize().toString(),
                "create-admin", "quan.tri", "--display-name", "Quản trị tỉnh", "--password-file", passwordFile.toString()));
        builder.environment().put("DATABASE_URL", database.url().toLibpqUrl());
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("create-admin did not finish within 2 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("create-admin failed with status " + process.exitValue() + ": "
                        + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(passwordFile);
        }
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

    private void signIn(String query, String username, String password) {
        browser.driver().get("http://127.0.0.1:" + port + "/sign-in" + query);
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

        browser.driver().get("http://127.0.0.1:" + port + "/");
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
        browser.driver().get("http://127.0.0.1:" + port + "/sign-in?lang=en");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-tabs")));

        assertThat(browser.driver().getTitle()).isEqualTo("Sign in");
        assertThat(browser.driver().findElement(By.id("sign-in-tabs")).getText()).contains("User name").contains("Phone number");
    }

    @Test
    void auditPageSendsVisitorsToSignIn() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get("http://127.0.0.1:" + port + "/admin/audit");

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-tabs")));
    }
}
