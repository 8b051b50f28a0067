package vn.langso.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.camera.testing.AgentFixtures.camera;
import static vn.langso.camera.testing.AgentFixtures.motion;
import static vn.langso.camera.testing.AgentFixtures.settings;
import static vn.langso.camera.testing.AgentFixtures.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.langso.camera.detect.Detection;
import vn.langso.camera.detect.Detector;
import vn.langso.camera.detect.MotionDetector;
import vn.langso.camera.source.SourceSpec;
import vn.langso.camera.testing.FakeIngestServer;
import vn.langso.camera.testing.MjpegServer;

/** A detector slower than the camera gets the newest frame each time; the others are skipped, not queued. */
class NewestFrameTest {

    @TempDir
    Path buffer;

    /** Motion detection that takes at least 100 ms per frame, against a camera sending a frame every 40 ms. */
    private static final class SlowDetector implements Detector {
        private final MotionDetector motion = new MotionDetector(MotionDetector.Settings.defaults());

        @Override
        public List<Detection> detect(BufferedImage bgrImage) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return motion.detect(bgrImage);
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public void close() {
            motion.close();
        }
    }

    @Test
    void slowDetectorSkipsInsteadOfQueueing() throws Exception {
        try (MjpegServer cameras = new MjpegServer();
             FakeIngestServer backend = FakeIngestServer.start(0)) {
            SourceSpec source = new SourceSpec(cameras.uri("/steady"), false, true, "mpjpeg");
            CameraAgent agent = new CameraAgent(settings(backend.uri(), buffer,
                    List.of(camera("busy", source, motion(), List.of(), List.of()))), camera -> new SlowDetector());
            CameraWorker worker = agent.worker("busy");
            try {
                agent.start();
                assertThat(waitUntil(Duration.ofSeconds(30), () -> worker.decodedFrames() >= 75)).isTrue();
                agent.stopCameras();

                long decoded = worker.decodedFrames();
                long processed = worker.processedFrames();
                long skipped = worker.skippedFrames();
                assertThat(skipped).as("frames replaced before detection").isGreaterThan(decoded / 3);
                assertThat(processed).isLessThan(decoded);
                assertThat(decoded - processed - skipped).as("frames left waiting: at most the one in the slot")
                        .isBetween(0L, 1L);

                assertThat(waitUntil(Duration.ofSeconds(5), () -> backend.heartbeats().stream()
                        .anyMatch(heartbeat -> heartbeat.get("fps").asDouble() > 0))).isTrue();
                JsonNode last = backend.heartbeats().getLast();
                assertThat(last.get("cameraId").asString()).isEqualTo("busy");
                // The heartbeat's rate is measured over a short window, so one frame more or less moves it by a few
                // tenths. The bound only has to show that detection, not decoding (25 per second), sets the pace.
                assertThat(last.get("fps").asDouble()).as("fps near the detector's 10 per second, not the camera's rate")
                        .isLessThanOrEqualTo(12.5);
                assertThat(last.get("skippedFrames").asLong()).isPositive();
            } finally {
                agent.close();
            }
        }
    }
}
