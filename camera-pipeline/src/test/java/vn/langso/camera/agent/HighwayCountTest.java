package vn.langso.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.camera.testing.AgentFixtures.camera;
import static vn.langso.camera.testing.AgentFixtures.settings;
import static vn.langso.camera.testing.AgentFixtures.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.camera.config.AgentSettings;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.source.SourceSpec;
import vn.langso.camera.testing.AgentFixtures;
import vn.langso.camera.testing.FakeIngestServer;
import vn.langso.gis.testing.SharedData;

/**
 * The whole agent on a real motorway video (960x540, 335 frames, cars driving towards the camera), counting
 * on a line across the carriageway, with counts read back from a fake ingest server.
 *
 * <p>Expected: 11 cars cross the line, all towards the camera, counted by eye on every 8th frame of the band
 * around the line (frames 56 two, 96 one, 128 two, 232, 240, 248, 280, 304 and 312 one each). Nothing else
 * crosses it: no motorbikes, buses or trucks, and no traffic goes the other way on this carriageway.
 */
class HighwayCountTest {

    private static final long EXPECTED_CARS = 11;

    /** Across the near carriageway at y = 300 px, forward = towards the camera (down the image). */
    private static final CountingLine LINE = new CountingLine("carriageway", 100, 300, 840, 300, 0, 1, true);

    @TempDir
    Path buffer;

    private Map<String, Long> run(AgentSettings.Camera camera) throws IOException, InterruptedException {
        try (FakeIngestServer backend = FakeIngestServer.start(0)) {
            CameraAgent agent = new CameraAgent(settings(backend.uri(), buffer, List.of(camera)));
            agent.start();
            CameraWorker worker = agent.worker(camera.id());
            assertThat(worker.awaitEnd(Duration.ofMinutes(3))).as("video processed in time").isTrue();
            assertThat(waitUntil(Duration.ofSeconds(20), () -> pending(agent) == 0)).as("buffer drained").isTrue();
            agent.close();
            System.out.printf("%s: processed %d of %d frames, %d crossings, counts %s%n", camera.detector().type(),
                    worker.processedFrames(), worker.decodedFrames(), worker.crossings(), backend.countsByKey());
            assertThat(worker.processedFrames()).isEqualTo(335);
            return backend.countsByKey();
        }
    }

    private static int pending(CameraAgent agent) {
        try {
            return agent.buffer().pendingCount();
        } catch (IOException e) {
            return -1;
        }
    }

    private static SourceSpec video() {
        Path file = SharedData.require("camera/highway-traffic.mp4");
        return new SourceSpec(file.toUri(), false, false, null);
    }

    @Test
    void yoloxCountsCars() throws Exception {
        Path model = SharedData.require("camera/yolox_nano.onnx");
        Map<String, Long> counts = run(camera("highway-yolox", video(), AgentFixtures.yolox(model),
                List.of(LINE), List.of()));

        // YOLOX-Nano detects each car on this view. One missed or split car is tolerated.
        assertThat(counts.getOrDefault("carriageway/car/forward", 0L)).isBetween(EXPECTED_CARS - 1, EXPECTED_CARS + 1);
        assertThat(counts.getOrDefault("carriageway/car/backward", 0L)).isZero();
    }

    @Test
    void motionDetectorCounts() throws Exception {
        Map<String, Long> counts = run(camera("highway-motion", video(), AgentFixtures.motion(),
                List.of(LINE), List.of()));

        long forward = counts.entrySet().stream().filter(entry -> entry.getKey().endsWith("/forward"))
                .mapToLong(Map.Entry::getValue).sum();
        long backward = counts.entrySet().stream().filter(entry -> entry.getKey().endsWith("/backward"))
                .mapToLong(Map.Entry::getValue).sum();
        // Blobs merge and split (shadows, cars side by side), so two off either way are tolerated. The class
        // comes from the size alone, so most but not all are cars.
        assertThat(forward).isBetween(EXPECTED_CARS - 2, EXPECTED_CARS + 2);
        assertThat(backward).isLessThanOrEqualTo(1);
        assertThat(counts.getOrDefault("carriageway/car/forward", 0L)).isGreaterThanOrEqualTo(EXPECTED_CARS - 4);
    }
}
