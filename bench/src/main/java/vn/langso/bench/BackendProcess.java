package vn.langso.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.gis.db.DatabaseUrl;

/** The backend jar started as a child process on a free loopback port against the benchmark database. */
final class BackendProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackendProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final URI baseUri;

    private BackendProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /**
     * Starts the backend and waits until its health endpoint returns 200. The backend's output goes to
     * {@code logFile}.
     */
    static BackendProcess start(Path jar, DatabaseUrl database, Path logFile) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Backend jar " + jar.toAbsolutePath() + " is missing; build it with "
                    + "./mvnw -B -pl backend -am -DskipTests package (./langso bench does this)");
        }
        int port = freeLoopbackPort();
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Path snapshot = snapshot(jar, logFile.toAbsolutePath().getParent().resolve("langso-backend-bench.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", snapshot.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("DATABASE_URL", database.toLibpqUrl());
        builder.environment().put("BACKEND_PORT", Integer.toString(port));
        builder.environment().put("BACKEND_ADDRESS", "127.0.0.1");
        log.info("Starting the backend {} on 127.0.0.1:{} (log: {})", jar, port, logFile);
        Process process = builder.start();
        BackendProcess backend = new BackendProcess(process, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        backend.awaitHealthy(logFile);
        return backend;
    }

    /**
     * Copies the jar and checks that the copy is a readable zip file. The backend runs from the copy because a
     * build elsewhere may rewrite backend/target/langso-backend.jar while the benchmark runs.
     */
    private static Path snapshot(Path jar, Path copy) throws IOException {
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            if (zip.getEntry("BOOT-INF/classes/vn/langso/backend/BackendApplication.class") == null) {
                throw new IllegalStateException("Backend jar " + jar + " has no BackendApplication class; rebuild it");
            }
        } catch (ZipException e) {
            throw new IllegalStateException("Backend jar " + jar + " is not a readable jar (" + e.getMessage()
                    + "), perhaps because a build was writing it; run the benchmark again after the build", e);
        }
        return copy;
    }

    URI baseUri() {
        return baseUri;
    }

    private void awaitHealthy(Path logFile) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/api/v1/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The backend stopped during start-up with exit code "
                        + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log.info("The backend is up at {}", baseUri);
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The backend did not become healthy within " + START_TIMEOUT.toSeconds()
                + " s; see " + logFile);
    }

    /** Stops the backend: SIGTERM, then a forced kill after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        log.info("Stopping the backend (pid {})", process.pid());
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                log.warn("The backend did not stop within 20 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
