package vn.langso.backend.cameras;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code langso.cameras.*}, validated at start-up.
 *
 * @param agentKeys              bearer keys that camera agents send to the ingest API ({@code langso.cameras.agent-keys},
 *                               comma-separated, or the environment variable {@code LANGSO_CAMERAS_AGENT_KEYS}); empty by
 *                               default, so that every ingest request is rejected until keys are configured
 * @param agentKeysFile          file with one agent key per line, added to {@code agentKeys}; blank lines and lines
 *                               starting with {@code #} are skipped ({@code langso.cameras.agent-keys-file}, default none)
 * @param offlineAfter           time without a heartbeat after which a camera is marked offline
 *                               ({@code langso.cameras.offline-after}, default 60s)
 * @param heartbeatCheckInterval how often the missed-heartbeat check runs ({@code langso.cameras.heartbeat-check-interval},
 *                               default 10s)
 * @param maxBatchBytes          largest accepted request body of a batch, in bytes ({@code langso.cameras.max-batch-bytes},
 *                               default 16 MiB)
 * @param partitionDaysAhead     days after today whose partitions are created ahead of time
 *                               ({@code langso.cameras.partition-days-ahead}, default 3)
 */
@ConfigurationProperties("langso.cameras")
@Validated
record CameraProperties(@DefaultValue List<String> agentKeys,
                        Path agentKeysFile,
                        @DefaultValue("60s") @NotNull Duration offlineAfter,
                        @DefaultValue("10s") @NotNull Duration heartbeatCheckInterval,
                        @DefaultValue("16777216") @Min(1024) @Max(268_435_456) int maxBatchBytes,
                        @DefaultValue("3") @Min(0) @Max(60) int partitionDaysAhead) {

    @AssertTrue(message = "langso.cameras.offline-after must be positive, for example 60s")
    public boolean isOfflineAfterPositive() {
        return offlineAfter == null || offlineAfter.isPositive();
    }

    @AssertTrue(message = "langso.cameras.heartbeat-check-interval must be positive, for example 10s")
    public boolean isHeartbeatCheckIntervalPositive() {
        return heartbeatCheckInterval == null || heartbeatCheckInterval.isPositive();
    }
}
