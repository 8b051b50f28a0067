package vn.langso.camera.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.camera.send.Messages.CountItem;
import vn.langso.camera.send.Messages.DetectionItem;

class BatchBufferTest {

    private static final Instant SENT = Instant.parse("2026-12-04T10:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private static List<CountItem> oneCount() {
        return List.of(new CountItem("lane", "car", "forward", "2026-12-04T09:59:00Z", "2026-12-04T10:00:00Z", 3));
    }

    @Test
    void sequencesStartAtOneAndSurviveRestart() throws Exception {
        BatchBuffer buffer = new BatchBuffer(folder, "agent", json);
        assertThat(buffer.append("cam", List.of(), oneCount(), List.of(), SENT)).isEqualTo(1);
        assertThat(buffer.append("cam", List.of(), oneCount(), List.of(), SENT)).isEqualTo(2);
        assertThat(buffer.append("other", List.of(), oneCount(), List.of(), SENT)).isEqualTo(1);
        buffer.delivered(buffer.pending("cam").getFirst());
        buffer.delivered(buffer.pending("cam").getFirst());

        BatchBuffer restarted = new BatchBuffer(folder, "agent", json);
        assertThat(restarted.append("cam", List.of(), oneCount(), List.of(), SENT))
                .as("a delivered sequence is never used again").isEqualTo(3);
    }

    @Test
    void emptyBatchIsNotWritten() throws Exception {
        BatchBuffer buffer = new BatchBuffer(folder, "agent", json);

        assertThat(buffer.append("cam", List.of(), List.of(), List.of(), SENT)).isZero();
        assertThat(buffer.pendingCount()).isZero();
    }

    @Test
    void fileHoldsWireFormat() throws Exception {
        BatchBuffer buffer = new BatchBuffer(folder, "agent", json);
        DetectionItem detection = new DetectionItem(7, "car", 0.83, new int[] {1, 2, 3, 4}, "2026-12-04T09:59:58Z",
                null);
        buffer.append("cam", List.of(detection), oneCount(), List.of(), SENT);

        JsonNode batch = json.readTree(Files.readAllBytes(buffer.pending("cam").getFirst()));
        assertThat(batch.get("agentId").asString()).isEqualTo("agent");
        assertThat(batch.get("cameraId").asString()).isEqualTo("cam");
        assertThat(batch.get("sequence").asLong()).isEqualTo(1);
        assertThat(batch.get("sentAt").asString()).isEqualTo("2026-12-04T10:00:00Z");
        JsonNode wireDetection = batch.get("detections").get(0);
        assertThat(wireDetection.get("class").asString()).isEqualTo("car");
        assertThat(wireDetection.get("box").toString()).isEqualTo("[1,2,3,4]");
        assertThat(wireDetection.has("colour")).as("absent colour is left out").isFalse();
        assertThat(wireDetection.has("objectClass")).isFalse();
        assertThat(batch.get("counts").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(batch.get("violations").size()).isZero();
    }

    @Test
    void rejectedBatchMovesAside() throws Exception {
        BatchBuffer buffer = new BatchBuffer(folder, "agent", json);
        buffer.append("cam", List.of(), oneCount(), List.of(), SENT);
        Path batch = buffer.pending("cam").getFirst();

        buffer.rejected(batch, "HTTP 400: invalid box");

        assertThat(buffer.pending("cam")).isEmpty();
        assertThat(folder.resolve("cam/rejected").resolve(batch.getFileName())).exists();
        assertThat(Files.readString(folder.resolve("cam/rejected").resolve(batch.getFileName() + ".reason.txt")))
                .contains("invalid box");
    }
}
