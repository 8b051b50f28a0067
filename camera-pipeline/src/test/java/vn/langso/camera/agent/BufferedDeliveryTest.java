package vn.langso.camera.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.camera.testing.AgentFixtures.camera;
import static vn.langso.camera.testing.AgentFixtures.motion;
import static vn.langso.camera.testing.AgentFixtures.settings;
import static vn.langso.camera.testing.AgentFixtures.waitUntil;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.source.SourceSpec;
import vn.langso.camera.testing.FakeIngestServer;
import vn.langso.camera.testing.MjpegServer;

/** Events made while the backend is down wait on disk and arrive exactly once after it returns. */
class BufferedDeliveryTest {

    /** Vertical line in the synthetic scene, crossed left to right by the white box about every 2 s. */
    private static final CountingLine MIDDLE = new CountingLine("middle", 160, 40, 160, 200, 1, 0, false);

    @TempDir
    Path buffer;

    @Test
    void backendDownThenUpGetsEachBatchOnce() throws Exception {
        int port = freeLoopbackPort();
        try (MjpegServer cameras = new MjpegServer()) {
            SourceSpec source = new SourceSpec(cameras.uri("/steady"), false, true, "mpjpeg");
            CameraAgent agent = new CameraAgent(settings(URI.create("http://127.0.0.1:" + port), buffer,
                    List.of(camera("road", source, motion(), List.of(MIDDLE), List.of()))));
            try {
                agent.start();
                CameraWorker worker = agent.worker("road");
                assertThat(waitUntil(Duration.ofSeconds(40), () -> worker.crossings() >= 3 && pending(agent) >= 5))
                        .as(() -> "crossings counted and batches buffered while the backend is down: " + worker.crossings()
                                + " crossings, " + pending(agent) + " batches, " + worker.processedFrames()
                                + " frames").isTrue();
                assertThat(agent.sender().deliveredCount()).isZero();

                try (FakeIngestServer backend = FakeIngestServer.start(port)) {
                    // The first stored batch gets a 500 response, as if it were lost, so the retry must not store it twice.
                    backend.loseNextAnswers(1);
                    agent.stopCameras();
                    long lastSequence = lastSequence(agent);
                    assertThat(waitUntil(Duration.ofSeconds(60), () -> pending(agent) == 0))
                            .as("buffer drained after the backend returned").isTrue();

                    List<Long> sequences = backend.batches().stream()
                            .map(batch -> batch.get("sequence").asLong()).toList();
                    assertThat(sequences).as("each batch stored once, in order")
                            .containsExactlyElementsOf(LongStream.rangeClosed(1, lastSequence).boxed().toList());
                    assertThat(backend.duplicates()).as("the retried batch was answered as a duplicate")
                            .isEqualTo(1);
                    assertThat(backend.totalCount("middle")).as("every crossing counted exactly once")
                            .isEqualTo(worker.crossings());
                    assertThat(backend.batches()).allSatisfy(batch -> {
                        assertThat(batch.get("agentId").asString()).isEqualTo("test-agent");
                        assertThat(batch.get("cameraId").asString()).isEqualTo("road");
                    });
                }
            } finally {
                agent.close();
            }
        }
    }

    private static long lastSequence(CameraAgent agent) throws IOException {
        List<Path> pending = agent.buffer().pending("road");
        String name = pending.getLast().getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }

    private static int pending(CameraAgent agent) {
        try {
            return agent.buffer().pendingCount();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
