package vn.langso.ui.testing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.langso.gis.testing.TestDatabase;

/**
 * Base of the browser tests: this ui on a random port bound to 127.0.0.1, the test database and backend jar that the
 * subclass starts, and one headless Chromium shared by the tests of a class. Everything started through these
 * methods is closed after the last test of the class, the last started first.
 *
 * <p>Each subclass declares its own static {@code @DynamicPropertySource} method, which Spring calls before it starts
 * the ui. That method creates and fills the database, then calls {@link #startBackend} or {@link #useBackend} to set
 * {@code langso.backend.url}. Keep it in the subclass: Spring caches test contexts by their configuration, so a
 * method declared only here would let the next test class reuse the previous class's ui and its stopped backend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
public abstract class BrowserTestSupport {

    /**
     * Resources of the running test class, the last started on top. The field is static because the
     * {@code @DynamicPropertySource} and {@code @AfterAll} methods are, which is safe while the ui tests run one class
     * at a time (no JUnit parallel execution is configured).
     */
    private static final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Chromium shared by the tests of the running class, started before its first test unless it opts out. */
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    /** Returns the ui's address, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    protected String uiUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Returns false in a class that starts its own browsers, so that no idle shared Chromium runs beside them. */
    protected boolean usesSharedBrowser() {
        return true;
    }

    /** Registers the resource to be closed after the last test of the running class, and returns it. */
    protected static <T extends AutoCloseable> T closeAfterAll(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Creates a migrated test database, which is dropped after the class. */
    protected static TestDatabase createDatabase() {
        return closeAfterAll(TestDatabase.createMigrated());
    }

    /** Starts the backend jar on the database, stopped after the class, and points the ui at it. */
    protected static BackendProcess startBackend(DynamicPropertyRegistry registry, TestDatabase database)
            throws IOException, InterruptedException {
        return startBackend(registry, database, Map.of());
    }

    /** Starts the backend jar as above, with more environment variables such as a feature's settings. */
    protected static BackendProcess startBackend(DynamicPropertyRegistry registry, TestDatabase database,
                                                 Map<String, String> environment)
            throws IOException, InterruptedException {
        BackendProcess backend = closeAfterAll(BackendProcess.start(database.url(), environment));
        useBackend(registry, backend.baseUrl());
        return backend;
    }

    /** Points the ui at a backend address, for a backend started some other way or one that is meant to be down. */
    protected static void useBackend(DynamicPropertyRegistry registry, URI backendUrl) {
        registry.add("langso.backend.url", backendUrl::toString);
    }

    @BeforeEach
    void startSharedBrowser() throws IOException {
        if (browser == null && usesSharedBrowser()) {
            browser = closeAfterAll(Browser.start());
        }
    }

    /** Closes every registered resource, the last started first, even when closing an earlier one fails. */
    @AfterAll
    static void closeResources() throws Exception {
        browser = null;
        Exception failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
