package vn.langso.ui.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.testing.TestDatabase;

/**
 * Real accounts for browser tests: the first administrator through the backend jar's {@code create-admin} command,
 * further accounts through the administration API, and sign-in through the ui's sign-in page.
 */
public final class TestAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestAccounts() {
    }

    /** Runs {@code java -jar langso-backend.jar create-admin} against the database, as an operator would. */
    public static void createAdministrator(TestDatabase database, String username, String displayName, String password)
            throws IOException, InterruptedException {
        Path passwordFile = Files.createTempFile("langso-admin", ".txt");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        Path log = Path.of("target", "create-admin-" + username + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                BackendProcess.DEFAULT_JAR.toAbsolutePath().normalize().toString(),
                "create-admin", username, "--display-name", displayName, "--password-file", passwordFile.toString()));
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

    /**
     * Creates an account through {@code POST /api/v1/admin/users}, acting as the given administrator.
     *
     * @param account the request body: username, password, displayName, roles and scopes as the API names them
     */
    public static void createUser(URI backend, String adminUsername, String adminPassword, Map<String, Object> account)
            throws IOException, InterruptedException {
        JsonNode tokens = post(backend.resolve("/api/v1/auth/token"), null,
                Map.of("username", adminUsername, "password", adminPassword), 200);
        post(backend.resolve("/api/v1/admin/users"), tokens.path("access_token").asString(), account, 201);
    }

    /** Signs the browser in through the ui's sign-in page and waits until the map page names the user. */
    public static void signIn(WebDriver driver, int uiPort, String username, String password) {
        WebDriverWait waiting = new WebDriverWait(driver, Browser.WAIT_TIMEOUT);
        driver.get("http://127.0.0.1:" + uiPort + "/sign-in");
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sign-in-username input")));
        driver.findElement(By.cssSelector("#sign-in-username input")).sendKeys(username);
        driver.findElement(By.cssSelector("#sign-in-password input")).sendKeys(password);
        driver.findElement(By.id("sign-in-submit")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    private static JsonNode post(URI url, String bearerToken, Map<String, Object> body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("POST " + url + " returned " + response.statusCode() + " instead of "
                    + expectedStatus + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
