package vn.langso.camera.send;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON bodies of the ingest API, as documented in docs/api/camera-ingest.md. Times are ISO 8601 UTC. */
public final class Messages {

    private Messages() {
    }

    /** One batch of a camera; {@code sequence} is per camera, starts at 1 and strictly increases. */
    public record Batch(String agentId, String cameraId, long sequence, String sentAt, List<DetectionItem> detections,
                        List<CountItem> counts, List<ViolationItem> violations) {
    }

    /** A tracked object in one frame; {@code box} is {@code [x, y, w, h]} in image pixels. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DetectionItem(long trackId, @JsonProperty("class") String objectClass, double score, int[] box,
                                String at, String colour) {
    }

    /** Crossings of one line by one class in one direction during one closed interval. */
    public record CountItem(String lineId, @JsonProperty("class") String objectClass, String direction,
                            String intervalStart, String intervalEnd, long count) {
    }

    /**
     * A violation with its evidence: {@code snapshotJpeg} is base64, {@code track} contains
     * {@code [epochMillis, x, y]} points, oldest first. Exactly one of {@code lineId} and {@code zoneId} is set.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ViolationItem(String type, long trackId, @JsonProperty("class") String objectClass, String at,
                                String lineId, String zoneId, String snapshotJpeg, List<List<Number>> track) {
    }

    /** Liveness of one camera. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Heartbeat(String agentId, String cameraId, String status, double fps, long skippedFrames,
                            String at, String message) {
    }

    /** Response of the backend to a batch. */
    public record BatchAnswer(boolean accepted, boolean duplicate) {
    }
}
