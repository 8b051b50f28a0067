package vn.langso.camera.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.camera.send.Messages.CountItem;
import vn.langso.camera.source.Backoff;
import vn.langso.camera.testing.AgentFixtures;
import vn.langso.camera.testing.FakeIngestServer;

/** The sender against a fake backend over real HTTP on 127.0.0.1. */
class BatchSenderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private static List<CountItem> oneCount() {
        return List.of(new CountItem("lane", "car", "forward", "2026-12-04T09:59:00Z", "2026-12-04T10:00:00Z", 1));
    }

    @Test
    void invalidBatchMovesAsideOthersArrive() throws Exception {
        try (FakeIngestServer backend = FakeIngestServer.start(0)) {
            backend.rejectSequence(2);
            BatchBuffer buffer = new BatchBuffer(folder, "agent", json);
            for (int i = 0; i < 3; i++) {
                buffer.append("cam", List.of(), oneCount(), List.of(), Instant.parse("2026-12-04T10:00:00Z"));
            }
            BatchSender sender = new BatchSender(buffer,
                    new IngestClient(backend.uri(), FakeIngestServer.AGENT_KEY, json),
                    new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)));
            Thread thread = Thread.ofPlatform().daemon().start(sender);
            try {
                assertThat(AgentFixtures.waitUntil(Duration.ofSeconds(10), () -> sender.deliveredCount() == 2
                        && sender.rejectedCount() == 1)).isTrue();
            } finally {
                sender.stop();
                thread.join(Duration.ofSeconds(5));
            }

            assertThat(backend.batches()).extracting(batch -> batch.get("sequence").asLong()).containsExactly(1L, 3L);
            assertThat(buffer.pending("cam")).isEmpty();
            Path rejected = folder.resolve("cam/rejected/00000000000000000002.json");
            assertThat(rejected).exists();
            assertThat(Files.readString(rejected.resolveSibling(rejected.getFileName() + ".reason.txt")))
                    .contains("HTTP 400").contains("Invalid batch");
        }
    }

    @Test
    void wrongKeyKeepsBatchForRetry() throws Exception {
        try (FakeIngestServer backend = FakeIngestServer.start(0)) {
            BatchBuffer buffer = new BatchBuffer(folder, "agent", json);
            buffer.append("cam", List.of(), oneCount(), List.of(), Instant.parse("2026-12-04T10:00:00Z"));
            IngestClient client = new IngestClient(backend.uri(), "wrong-key", json);

            IngestClient.Outcome outcome = client.postBatch(Files.readAllBytes(buffer.pending("cam").getFirst()));

            assertThat(outcome).isInstanceOf(IngestClient.Outcome.Retry.class);
            assertThat(((IngestClient.Outcome.Retry) outcome).reason()).isEqualTo("HTTP 401");
            assertThat(backend.batches()).isEmpty();
        }
    }
}
