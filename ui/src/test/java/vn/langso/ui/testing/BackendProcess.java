package vn.langso.ui.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.langso.gis.db.DatabaseUrl;

/**
 * The real backend, started as a child process on a free loopback port against a test database. Its output goes to
 * a log file under {@code target/} for diagnosis.
 */
public final class BackendProcess implements AutoCloseable {

    /** Environment variable with another backend jar to start; the default is the one the backend module builds. */
    public static final String JAR_VARIABLE = "LANGSO_BACKEND_JAR";
    public static final Path DEFAULT_JAR = Path.of("..", "backend", "target", "langso-backend.jar");

    /** Upper bound for the backend to pass its health check, generous because a cold start competes with builds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Process process;
    private final URI baseUrl;
    private final Path logFile;

    private BackendProcess(Process process, URI baseUrl, Path logFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
    }

    /** Starts the backend and waits until {@code /api/v1/health} returns 200; fails with the log's end otherwise. */
    public static BackendProcess start(DatabaseUrl database) throws IOException, InterruptedException {
        return start(database, Map.of());
    }

    /** Starts the backend as {@link #start(DatabaseUrl)} does, with extra environment variables (feature settings). */
    public static BackendProcess start(DatabaseUrl database, Map<String, String> environment)
            throws IOException, InterruptedException {
        String configuredJar = System.getenv(JAR_VARIABLE);
        Path jar = configuredJar == null || configuredJar.isBlank() ? DEFAULT_JAR : Path.of(configuredJar);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Backend jar " + jar.toAbsolutePath().normalize() + " is missing: build the "
                    + "backend first (./mvnw -pl backend -am package -DskipTests), then run the ui tests again");
        }
        int port = freePort();
        Path logFile = Path.of("target", "backend-" + port + ".log").toAbsolutePath();
        Files.createDirectories(logFile.getParent());

        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar", jar.toAbsolutePath().normalize().toString()));
        builder.environment().put("DATABASE_URL", database.toLibpqUrl());
        builder.environment().put("BACKEND_PORT", String.valueOf(port));
        builder.environment().put("BACKEND_ADDRESS", "127.0.0.1");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(logFile.toFile());

        BackendProcess backend = new BackendProcess(builder.start(), URI.create("http://127.0.0.1:" + port), logFile);
        try {
            backend.awaitHealthy();
        } catch (RuntimeException | InterruptedException e) {
            backend.close();
            throw e;
        }
        return backend;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Path logFile() {
        return logFile;
    }

    private void awaitHealthy() throws InterruptedException {
        URI health = URI.create(baseUrl + "/api/v1/health");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastProblem = "no answer yet";
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Backend exited with code " + process.exitValue()
                            + " before it was healthy; its log " + logFile + " ends with:\n" + logTail());
                }
                try {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    lastProblem = "HTTP " + response.statusCode() + ": " + response.body();
                } catch (IOException e) {
                    lastProblem = e.toString();
                }
                Thread.sleep(POLL_INTERVAL);
            }
        }
        throw new IllegalStateException("Backend was not healthy at " + health + " within " + START_TIMEOUT.toSeconds()
                + " s (last: " + lastProblem + "); its log " + logFile + " ends with:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the backend: SIGTERM, then SIGKILL after 10 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
