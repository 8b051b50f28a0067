package vn.langso.camera.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import vn.langso.camera.CameraSource;
import vn.langso.camera.count.CountingLine;
import vn.langso.camera.count.Zone;
import vn.langso.camera.source.SourceSpec;

/**
 * The validated configuration of an agent, built by {@link ConfigLoader}.
 *
 * @param bufferFolder   folder of the on-disk batch buffer
 * @param batchInterval  how often each camera's events are sealed into a batch
 * @param countInterval  length of a count interval
 */
public record AgentSettings(String agentId, URI backend, String agentKey, Path bufferFolder,
                            Duration heartbeatInterval, Duration batchInterval, Duration countInterval,
                            Duration reconnectInitial, Duration reconnectMaximum, List<Camera> cameras) {

    /** One camera: where it is, how to read it, how to detect, and its lines and zones. */
    public record Camera(CameraSource place, SourceSpec source, DetectorSpec detector, List<CountingLine> lines,
                         List<Zone> zones) {

        public String id() {
            return place.id();
        }
    }

    /**
     * The detector of a camera: {@code yolox} with a model file, or {@code motion} (background subtraction)
     * when no model is configured.
     */
    public record DetectorSpec(String type, Path model, double scoreThreshold, int threads) {

        public static final String YOLOX = "yolox";
        public static final String MOTION = "motion";
    }
}
