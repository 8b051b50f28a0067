package vn.langso.backend.cameras;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.langso.backend.live.LiveChannel;
import vn.langso.backend.live.LiveEvent;

/**
 * Publishes camera events on the live channel, topic {@code cameras}: {@code count} after a batch with counts,
 * {@code violation} per violation and {@code status} when a camera's stream status changes. Payloads name the
 * camera and carry counts, classes and times only; snapshots stay behind the access check of the snapshot endpoint.
 */
@Component
class CameraLiveEvents {

    static final String TOPIC = "cameras";

    private final LiveChannel channel;

    CameraLiveEvents(LiveChannel channel) {
        this.channel = channel;
    }

    void counts(CameraRef camera, IngestBatch batch) {
        if (batch.counts().isEmpty()) {
            return;
        }
        List<Map<String, Object>> counts = batch.counts().stream().map(count -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("lineId", count.lineId());
            entry.put("class", count.objectClass());
            entry.put("direction", count.direction());
            entry.put("intervalStart", count.intervalStart().toString());
            entry.put("intervalEnd", count.intervalEnd().toString());
            entry.put("count", count.count());
            return entry;
        }).toList();
        Map<String, Object> data = cameraData(camera);
        data.put("sequence", batch.sequence());
        data.put("counts", counts);
        channel.publish(LiveEvent.now(TOPIC, "count", data));
    }

    void violation(CameraRef camera, IngestBatch.Violation violation, long id) {
        Map<String, Object> data = cameraData(camera);
        data.put("id", id);
        data.put("type", violation.type());
        data.put("class", violation.objectClass());
        data.put("at", violation.at().toString());
        if (violation.lineId() != null) {
            data.put("lineId", violation.lineId());
        }
        if (violation.zoneId() != null) {
            data.put("zoneId", violation.zoneId());
        }
        data.put("hasSnapshot", violation.snapshotJpeg() != null);
        channel.publish(LiveEvent.now(TOPIC, "violation", data));
    }

    void status(CameraRef camera, String status, String reason, Heartbeat heartbeat) {
        Map<String, Object> data = cameraData(camera);
        data.put("status", status);
        data.put("layerStatus", "online".equals(status) ? "online" : "offline");
        data.put("reason", reason);
        if (heartbeat != null) {
            data.put("fps", heartbeat.fps());
            data.put("skippedFrames", heartbeat.skippedFrames());
            data.put("at", heartbeat.at().toString());
        }
        channel.publish(LiveEvent.now(TOPIC, "status", data));
    }

    void missed(CameraRef camera, Instant lastSeenAt) {
        Map<String, Object> data = cameraData(camera);
        data.put("status", "offline");
        data.put("layerStatus", "offline");
        data.put("reason", "missed-heartbeats");
        data.put("lastSeenAt", lastSeenAt.toString());
        channel.publish(LiveEvent.now(TOPIC, "status", data));
    }

    private static Map<String, Object> cameraData(CameraRef camera) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("camera", camera.key());
        data.put("featureId", camera.featureId());
        return data;
    }
}
