package vn.langso.camera.config;

import java.util.List;
import java.util.Map;

/**
 * The configuration file as written (YAML or JSON), before defaults and validation. Absent values are null.
 * Field names are the keys of the file; see the module README for an example.
 */
record ConfigFile(String agentId, Backend backend, String bufferFolder, Double heartbeatSeconds,
                  Double batchSeconds, Double countIntervalSeconds, Reconnect reconnect, List<Camera> cameras) {

    record Backend(String url, String agentKey, String agentKeyEnv) {
    }

    record Reconnect(Double initialSeconds, Double maxSeconds) {
    }

    record Camera(String id, String source, Boolean loop, Boolean realtime, String format, Double longitude,
                  Double latitude, Double viewDirection, Detector detector, List<Line> lines, List<ZoneEntry> zones) {
    }

    record Detector(String type, String model, Double scoreThreshold, Integer threads) {
    }

    /** {@code forward} is a word (up, down, left, right) or an {@code [x, y]} vector in image axes. */
    record Line(String id, List<Double> from, List<Double> to, Object forward, Boolean wrongWay) {
    }

    record ZoneEntry(String id, List<List<Double>> polygon, Double noStoppingSeconds) {
    }

    static final Map<String, double[]> DIRECTION_WORDS = Map.of(
            "up", new double[] {0, -1},
            "down", new double[] {0, 1},
            "left", new double[] {-1, 0},
            "right", new double[] {1, 0});
}
