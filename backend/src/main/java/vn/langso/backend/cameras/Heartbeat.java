package vn.langso.backend.cameras;

import java.time.Instant;

/**
 * A camera agent's report on one camera ({@code POST /api/v1/camera-ingest/heartbeats}).
 *
 * @param status        {@code online}, {@code offline} or {@code connecting}
 * @param fps           frames processed per second
 * @param skippedFrames frames skipped so far because processing fell behind
 * @param message       optional text from the agent, for example the last connection error; null when absent
 */
record Heartbeat(String agentId, String cameraKey, String status, double fps, long skippedFrames, Instant at,
                 String message) {

    /** Returns the camera's status in the public cameras layer, which allows online, offline and unknown. */
    String layerStatus() {
        return "online".equals(status) ? "online" : "offline";
    }
}
