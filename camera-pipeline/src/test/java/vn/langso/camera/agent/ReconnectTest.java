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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.camera.source.CameraStatus;
import vn.langso.camera.source.SourceSpec;
import vn.langso.camera.testing.FakeIngestServer;
import vn.langso.camera.testing.MjpegServer;

/**
 * A camera whose MJPEG stream drops is reconnected, while the agent's other camera keeps running and a third,
 * whose address has no server, stays offline without affecting either.
 */
class ReconnectTest {

    @TempDir
    Path buffer;

    @Test
    void droppedStreamReconnectsWhileOtherRuns() throws Exception {
        try (MjpegServer cameras = new MjpegServer();
             FakeIngestServer backend = FakeIngestServer.start(0)) {
            SourceSpec flaky = new SourceSpec(cameras.uri("/flaky"), false, true, "mpjpeg");
            SourceSpec steady = new SourceSpec(cameras.uri("/steady"), false, true, "mpjpeg");
            SourceSpec absent = new SourceSpec(URI.create("http://127.0.0.1:" + closedLoopbackPort() + "/none"), false,
                    true, "mpjpeg");
            CameraAgent agent = new CameraAgent(settings(backend.uri(), buffer, List.of(
                    camera("flaky", flaky, motion(), List.of(), List.of()),
                    camera("steady", steady, motion(), List.of(), List.of()),
                    camera("absent", absent, motion(), List.of(), List.of()))));
            try {
                agent.start();
                CameraWorker flakyWorker = agent.worker("flaky");
                CameraWorker steadyWorker = agent.worker("steady");
                assertThat(waitUntil(Duration.ofSeconds(30), () -> flakyWorker.processedFrames() > 10
                        && steadyWorker.processedFrames() > 10)).as("both cameras deliver frames").isTrue();

                cameras.dropFlakyAfter(5, 2500);
                assertThat(waitUntil(Duration.ofSeconds(20), () -> flakyWorker.status() == CameraStatus.OFFLINE))
                        .as("flaky camera reported offline").isTrue();
                long steadyAtDrop = steadyWorker.processedFrames();
                long flakyAtDrop = flakyWorker.processedFrames();

                assertThat(waitUntil(Duration.ofSeconds(30), () -> flakyWorker.status() == CameraStatus.ONLINE
                        && flakyWorker.processedFrames() > flakyAtDrop + 5)).as("flaky camera back online").isTrue();
                assertThat(steadyWorker.processedFrames() - steadyAtDrop)
                        .as("frames of the steady camera while the flaky one was away").isGreaterThan(20);
                assertThat(steadyWorker.status()).isEqualTo(CameraStatus.ONLINE);
                assertThat(cameras.flakyConnections()).isGreaterThanOrEqualTo(2);

                assertThat(waitUntil(Duration.ofSeconds(10), () -> statusesOf(backend, "flaky").size() >= 4))
                        .isTrue();
                List<String> statuses = statusesOf(backend, "flaky");
                int firstOnline = statuses.indexOf("online");
                int offline = statuses.subList(firstOnline + 1, statuses.size()).indexOf("offline");
                assertThat(firstOnline).as("heartbeats " + statuses).isGreaterThanOrEqualTo(0);
                assertThat(offline).as("heartbeats " + statuses).isGreaterThanOrEqualTo(0);
                assertThat(statuses.subList(firstOnline + 1 + offline, statuses.size()))
                        .as("heartbeats " + statuses).contains("online");
                assertThat(statusesOf(backend, "steady")).doesNotContain("offline");
                assertThat(agent.worker("absent").status()).isEqualTo(CameraStatus.OFFLINE);
                assertThat(agent.worker("absent").processedFrames()).isZero();
                assertThat(statusesOf(backend, "absent")).contains("offline").doesNotContain("online");
            } finally {
                agent.close();
            }
        }
    }

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> statusesOf(FakeIngestServer backend, String cameraId) {
        return backend.heartbeats().stream()
                .filter(heartbeat -> heartbeat.get("cameraId").asString().equals(cameraId))
                .map(heartbeat -> heartbeat.get("status").asString())
                .toList();
    }
}
