package vn.langso.camera.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import vn.langso.camera.CameraSource;
import vn.langso.camera.config.AgentSettings;
import vn.langso.camera.config.AgentSettings.DetectorSpec;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.count.Zone;
import vn.langso.camera.source.SourceSpec;

/** Builders of agent settings for tests, and a polling wait. */
public final class AgentFixtures {

    private AgentFixtures() {
    }

    public static AgentSettings settings(URI backend, Path buffer, List<AgentSettings.Camera> cameras) {
        return new AgentSettings("test-agent", backend, FakeIngestServer.AGENT_KEY, buffer, Duration.ofMillis(500),
                Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1),
                cameras);
    }

    public static AgentSettings.Camera camera(String id, SourceSpec source, DetectorSpec detector,
                                              List<CountingLine> lines, List<Zone> zones) {
        return new AgentSettings.Camera(new CameraSource(id, source.uri(), 105.63, 10.46, 180), source, detector,
                lines, zones);
    }

    public static DetectorSpec motion() {
        return new DetectorSpec(DetectorSpec.MOTION, null, 0.5, 1);
    }

    public static DetectorSpec yolox(Path model) {
        return new DetectorSpec(DetectorSpec.YOLOX, model, 0.3, 2);
    }

    /** Polls the condition every 50 ms until it is true or the timeout passes, and returns its last value. */
    public static boolean waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
