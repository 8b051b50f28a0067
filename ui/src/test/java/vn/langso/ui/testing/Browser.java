package vn.langso.ui.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the Debian chromedriver, with explicit paths (so Selenium Manager stays
 * idle) and flags that keep it from contacting any host but 127.0.0.1.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Upper bound for the page and the map data to appear, far above the usual time (under two seconds in these tests). */
    public static final Duration WAIT_TIMEOUT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    private boolean closed;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium with a 1400 by 900 pixel window. */
    public static Browser start() throws IOException {
        return start(List.of(), new Dimension(1400, 900));
    }

    /** Starts Chromium with more flags after the ones that keep it on 127.0.0.1, such as fake media devices. */
    public static Browser start(List<String> extraArguments, Dimension windowSize) throws IOException {
        Path profile = Files.createTempDirectory("langso-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile,
                "--window-size=" + windowSize.getWidth() + "," + windowSize.getHeight(),
                "--lang=vi");
        options.addArguments(extraArguments);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT_TIMEOUT);
    }

    /** Returns the browser console messages since the last call, one a line, for failure messages. */
    public String consoleLog() {
        StringBuilder log = new StringBuilder();
        for (var entry : driver.manage().logs().get("browser")) {
            log.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return log.toString();
    }

    /** Saves a screenshot of the window as {@code target/NAME}. */
    public Path screenshot(String name) throws IOException {
        Path target = Path.of("target", name).toAbsolutePath();
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        return target;
    }

    /**
     * Quits Chromium and deletes its profile. A second call does nothing, so that a test may close a browser early
     * that {@link BrowserTestSupport} closes again after the class.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
