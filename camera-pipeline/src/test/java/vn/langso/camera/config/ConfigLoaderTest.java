package vn.langso.camera.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.camera.count.CountingLine;

class ConfigLoaderTest {

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader(Map.of("LANGSO_AGENT_KEY", "from-env")::get);

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void readsYamlWithDefaults() throws IOException {
        Files.writeString(folder.resolve("model.onnx"), "not really a model");
        Path file = write("cameras.yaml", """
                agentId: agent-1
                cameras:
                  - id: cam-ql30
                    source: rtsp://127.0.0.1:8554/ql30
                    longitude: 105.63
                    latitude: 10.46
                    viewDirection: 90
                    detector: {model: model.onnx, threads: 2}
                    lines:
                      - {id: north, from: [100, 300], to: [840, 300], forward: down, wrongWay: true}
                      - {id: east, from: [10, 10], to: [10, 200], forward: [1, 0]}
                    zones:
                      - {id: stop, polygon: [[0, 0], [50, 0], [50, 50]], noStoppingSeconds: 30}
                  - id: cam-file
                    source: videos/road.mp4
                    loop: true
                    longitude: 105.7
                    latitude: 10.5
                """);

        AgentSettings settings = loader.load(file);

        assertThat(settings.agentKey()).isEqualTo("from-env");
        assertThat(settings.backend().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.bufferFolder()).isEqualTo(folder.resolve("camera-buffer"));
        AgentSettings.Camera camera = settings.cameras().getFirst();
        assertThat(camera.detector().type()).isEqualTo("yolox");
        assertThat(camera.detector().threads()).isEqualTo(2);
        assertThat(camera.source().realtime()).isTrue();
        assertThat(camera.lines()).extracting(CountingLine::id).containsExactly("north", "east");
        assertThat(camera.lines().getFirst().forwardY()).isEqualTo(1);
        assertThat(camera.lines().getFirst().wrongWay()).isTrue();
        assertThat(camera.zones().getFirst().maxStopSeconds()).isEqualTo(30);
        AgentSettings.Camera fileCamera = settings.cameras().get(1);
        assertThat(fileCamera.detector().type()).isEqualTo("motion");
        assertThat(fileCamera.source().isFile()).isTrue();
        assertThat(fileCamera.source().loop()).isTrue();
        assertThat(fileCamera.source().realtime()).as("files default to every frame").isFalse();
        assertThat(fileCamera.source().ffmpegInput()).isEqualTo(folder.resolve("videos/road.mp4").toString());
    }

    @Test
    void readsJson() throws IOException {
        Path file = write("cameras.json", """
                {"agentId": "a", "backend": {"url": "http://127.0.0.1:9999", "agentKey": "k"},
                 "cameras": [{"id": "c", "source": "http://127.0.0.1:8000/mjpeg", "format": "mpjpeg",
                              "longitude": 105.6, "latitude": 10.4}]}
                """);

        AgentSettings settings = loader.load(file);

        assertThat(settings.agentKey()).isEqualTo("k");
        assertThat(settings.cameras().getFirst().source().format()).isEqualTo("mpjpeg");
    }

    @Test
    void reportsAllProblemsTogether() throws IOException {
        Path file = write("bad.yaml", """
                agentId: "bad id"
                heartbeatSeconds: 0
                cameras:
                  - id: c1
                    source: ftp://127.0.0.1/x
                    longitude: 105.6
                    latitude: 10.4
                  - id: c2
                    source: rtsp://127.0.0.1/y
                    longitude: 105.6
                    latitude: 10.4
                    detector: {type: yolox}
                    lines:
                      - {id: l, from: [0, 0], to: [10, 0], forward: sideways}
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(ConfigLoader.InvalidConfigException.class, e -> assertThat(e.problems())
                        .hasSize(5)
                        .anySatisfy(problem -> assertThat(problem).contains("agentId"))
                        .anySatisfy(problem -> assertThat(problem).contains("heartbeatSeconds"))
                        .anySatisfy(problem -> assertThat(problem).contains("unsupported source ftp"))
                        .anySatisfy(problem -> assertThat(problem).contains("detector.model is required"))
                        .anySatisfy(problem -> assertThat(problem).contains("forward sideways is unknown")));
    }

    @Test
    void rejectsUnknownKey() throws IOException {
        Path file = write("typo.yaml", "agentId: a\ncamras: []\n");

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("camras");
    }

    @Test
    void missingKeyIsReported() throws IOException {
        Path file = write("nokey.yaml", """
                agentId: a
                cameras: [{id: c, source: "rtsp://127.0.0.1/x", longitude: 105.6, latitude: 10.4}]
                """);

        assertThatThrownBy(() -> new ConfigLoader(name -> null).load(file))
                .hasMessageContaining("no agent key");
    }
}
