package vn.langso.backend.cameras;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.problems.InvalidParameterException;

/**
 * Turns the JSON bodies of the ingest API into validated {@link IngestBatch} and {@link Heartbeat} records. Every
 * invalid field is reported together, and nothing of an invalid batch is stored.
 */
final class IngestParser {

    static final int MAX_DETECTIONS = 20_000;
    static final int MAX_COUNTS = 20_000;
    static final int MAX_VIOLATIONS = 200;
    static final int MAX_TRACK_POINTS = 10_000;
    static final int MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024;
    static final int MAX_MESSAGE_LENGTH = 500;
    /** Maximum number of distinct UTC days per batch, because each day may need new partitions. */
    static final int MAX_DAYS_PER_BATCH = 3;
    /** Largest image coordinate accepted in boxes and tracks, in pixels. */
    static final double MAX_PIXEL = 100_000;

    static final Set<String> DIRECTIONS = Set.of("forward", "backward");
    static final Set<String> VIOLATION_TYPES = Set.of("wrong_way", "no_stopping");
    static final Set<String> HEARTBEAT_STATUSES = Set.of("online", "offline", "connecting");

    private IngestParser() {
    }

    static IngestBatch batch(JsonNode root) {
        requireObject(root);
        IngestJson json = new IngestJson();
        String agentId = json.id(root, "agentId", "agentId", IngestJson.ID, "agent-1");
        String cameraKey = json.id(root, "cameraId", "cameraId", IngestJson.ID, "cam-1");
        long sequence = json.integer(root, "sequence", "sequence", 1, Long.MAX_VALUE);
        Instant sentAt = json.time(root, "sentAt", "sentAt");

        List<IngestBatch.Detection> detections = detections(json, root);
        List<IngestBatch.LineCount> counts = counts(json, root);
        List<IngestBatch.Violation> violations = violations(json, root);
        json.throwIfInvalid();

        IngestBatch batch = new IngestBatch(agentId, cameraKey, sequence, sentAt, detections, counts, violations);
        int days = batch.partitionDays().size();
        if (days > MAX_DAYS_PER_BATCH) {
            throw InvalidParameterException.of("detections", "The batch spans " + days + " days (UTC); a batch may span at "
                    + "most " + MAX_DAYS_PER_BATCH + ". Send events of different days in separate batches.");
        }
        return batch;
    }

    static Heartbeat heartbeat(JsonNode root) {
        requireObject(root);
        IngestJson json = new IngestJson();
        String agentId = json.id(root, "agentId", "agentId", IngestJson.ID, "agent-1");
        String cameraKey = json.id(root, "cameraId", "cameraId", IngestJson.ID, "cam-1");
        String status = json.oneOf(root, "status", "status", HEARTBEAT_STATUSES);
        double fps = json.number(root, "fps", "fps", 0, 1000);
        long skipped = json.integer(root, "skippedFrames", "skippedFrames", 0, Long.MAX_VALUE);
        Instant at = json.time(root, "at", "at");
        String message = message(json, root);
        json.throwIfInvalid();
        return new Heartbeat(agentId, cameraKey, status, fps, skipped, at, message);
    }

    private static List<IngestBatch.Detection> detections(IngestJson json, JsonNode root) {
        List<JsonNode> items = json.array(root, "detections", MAX_DETECTIONS);
        List<IngestBatch.Detection> detections = new ArrayList<>();
        if (items == null) {
            return detections;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "detections[" + i + "]";
            JsonNode item = items.get(i);
            if (!isObject(json, item, path)) {
                continue;
            }
            long trackId = json.integer(item, "trackId", path + ".trackId", 0, Long.MAX_VALUE);
            String objectClass = json.id(item, "class", path + ".class", IngestJson.CLASS, "car");
            double score = json.number(item, "score", path + ".score", 0, 1);
            double[] box = box(json, item, path + ".box");
            Instant at = json.time(item, "at", path + ".at");
            String colour = colour(json, item, path + ".colour");
            if (!json.hasProblems()) {
                detections.add(new IngestBatch.Detection(trackId, objectClass, score, box[0], box[1], box[2], box[3],
                        at, colour));
            }
        }
        return detections;
    }

    private static List<IngestBatch.LineCount> counts(IngestJson json, JsonNode root) {
        List<JsonNode> items = json.array(root, "counts", MAX_COUNTS);
        List<IngestBatch.LineCount> counts = new ArrayList<>();
        if (items == null) {
            return counts;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "counts[" + i + "]";
            JsonNode item = items.get(i);
            if (!isObject(json, item, path)) {
                continue;
            }
            String lineId = json.id(item, "lineId", path + ".lineId", IngestJson.ID, "north-lane");
            String objectClass = json.id(item, "class", path + ".class", IngestJson.CLASS, "car");
            String direction = json.oneOf(item, "direction", path + ".direction", DIRECTIONS);
            Instant start = json.time(item, "intervalStart", path + ".intervalStart");
            Instant end = json.time(item, "intervalEnd", path + ".intervalEnd");
            long count = json.integer(item, "count", path + ".count", 0, 1_000_000);
            if (start != null && end != null && !end.isAfter(start)) {
                json.invalid(path + ".intervalEnd", path + ".intervalEnd " + end + " is not after intervalStart "
                        + start + "; the interval is [intervalStart, intervalEnd).");
            }
            if (!json.hasProblems()) {
                counts.add(new IngestBatch.LineCount(lineId, objectClass, direction, start, end, (int) count));
            }
        }
        return counts;
    }

    private static List<IngestBatch.Violation> violations(IngestJson json, JsonNode root) {
        List<JsonNode> items = json.array(root, "violations", MAX_VIOLATIONS);
        List<IngestBatch.Violation> violations = new ArrayList<>();
        if (items == null) {
            return violations;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "violations[" + i + "]";
            JsonNode item = items.get(i);
            if (!isObject(json, item, path)) {
                continue;
            }
            String type = json.oneOf(item, "type", path + ".type", VIOLATION_TYPES);
            long trackId = json.integer(item, "trackId", path + ".trackId", 0, Long.MAX_VALUE);
            String objectClass = json.id(item, "class", path + ".class", IngestJson.CLASS, "car");
            Instant at = json.time(item, "at", path + ".at");
            String lineId = null;
            String zoneId = null;
            if ("wrong_way".equals(type)) {
                lineId = json.id(item, "lineId", path + ".lineId", IngestJson.ID, "north-lane");
            } else if ("no_stopping".equals(type)) {
                zoneId = json.id(item, "zoneId", path + ".zoneId", IngestJson.ID, "bus-stop");
            }
            byte[] snapshot = snapshot(json, item, path + ".snapshotJpeg");
            String track = track(json, item, path + ".track");
            if (!json.hasProblems()) {
                violations.add(new IngestBatch.Violation(type, trackId, objectClass, at, lineId, zoneId, snapshot, track));
            }
        }
        return violations;
    }

    /** Reads {@code [x, y, width, height]} in pixels. */
    private static double[] box(IngestJson json, JsonNode item, String path) {
        JsonNode node = item.get("box");
        if (node == null || !node.isArray() || node.size() != 4) {
            json.invalid(path, path + " must be an array of four numbers [x, y, width, height] in pixels.");
            return new double[4];
        }
        double[] box = new double[4];
        String[] names = {"x", "y", "width", "height"};
        for (int i = 0; i < 4; i++) {
            double min = i < 2 ? -MAX_PIXEL : 0;
            box[i] = json.number(node.get(i), path + "[" + i + "] (" + names[i] + ")", min, MAX_PIXEL);
        }
        return box;
    }

    /** Reads an optional colour name and folds it to lower case. */
    private static String colour(IngestJson json, JsonNode item, String path) {
        JsonNode node = item.get("colour");
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isString() ? node.asString().strip().toLowerCase(Locale.ROOT) : null;
        if (value == null || !IngestJson.COLOUR.matcher(value).matches()) {
            json.invalid(path, path + " " + IngestJson.describe(node) + " is invalid; give a colour name in "
                    + "English letters, for example \"white\".");
            return null;
        }
        return value;
    }

    private static byte[] snapshot(IngestJson json, JsonNode item, String path) {
        JsonNode node = item.get("snapshotJpeg");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            json.invalid(path, path + " must be a base64 string of a JPEG image; it is " + IngestJson.kind(node) + ".");
            return null;
        }
        String encoded = node.asString();
        if (encoded.length() > MAX_SNAPSHOT_BYTES / 3 * 4 + 4) {
            json.invalid(path, path + " is larger than " + MAX_SNAPSHOT_BYTES + " bytes; send a smaller JPEG.");
            return null;
        }
        byte[] jpeg;
        try {
            jpeg = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            json.invalid(path, path + " is not valid base64: " + e.getMessage() + ".");
            return null;
        }
        // Every JPEG file starts with the start-of-image marker FF D8 FF.
        if (jpeg.length < 3 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || (jpeg[2] & 0xFF) != 0xFF) {
            json.invalid(path, path + " does not decode to a JPEG image (no FF D8 FF start marker).");
            return null;
        }
        return jpeg;
    }

    /** Reads {@code [[epochMillis, x, y], ...]} and returns it as compact JSON text. */
    private static String track(IngestJson json, JsonNode item, String path) {
        JsonNode node = item.get("track");
        if (node == null || node.isNull()) {
            return "[]";
        }
        if (!node.isArray() || node.size() > MAX_TRACK_POINTS) {
            json.invalid(path, path + " must be an array of at most " + MAX_TRACK_POINTS
                    + " points [epochMillis, x, y].");
            return "[]";
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < node.size(); i++) {
            JsonNode point = node.get(i);
            String pointPath = path + "[" + i + "]";
            // Agents may write the milliseconds as a floating-point number (1.7966375984E12); any whole value is taken.
            if (!point.isArray() || point.size() != 3 || !point.get(0).isNumber() || !isWholeMillis(point.get(0))) {
                json.invalid(pointPath, pointPath + " must be [epochMillis, x, y] with whole epoch milliseconds between the years 2000 and 2100.");
                return "[]";
            }
            double x = json.number(point.get(1), pointPath + "[1] (x)", -MAX_PIXEL, MAX_PIXEL);
            double y = json.number(point.get(2), pointPath + "[2] (y)", -MAX_PIXEL, MAX_PIXEL);
            text.append(i == 0 ? "" : ",").append('[').append(point.get(0).decimalValue().longValueExact()).append(',')
                    .append(x).append(',').append(y).append(']');
        }
        return text.append(']').toString();
    }

    private static boolean isWholeMillis(JsonNode millis) {
        try {
            long value = millis.decimalValue().longValueExact();
            return value >= IngestJson.EARLIEST.toEpochMilli() && value < IngestJson.LATEST.toEpochMilli();
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static String message(IngestJson json, JsonNode root) {
        JsonNode node = root.get("message");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            json.invalid("message", "message must be a string; it is " + IngestJson.kind(node) + ".");
            return null;
        }
        // Control characters (line breaks included) are replaced, so the message is safe to log and show.
        String message = node.asString().replaceAll("\\p{Cntrl}", " ").strip();
        if (message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH);
        }
        return message.isEmpty() ? null : message;
    }

    private static boolean isObject(IngestJson json, JsonNode item, String path) {
        if (!item.isObject()) {
            json.invalid(path, path + " must be an object; it is " + IngestJson.kind(item) + ".");
            return false;
        }
        return true;
    }

    private static void requireObject(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw InvalidParameterException.of("body", "The request body must be a JSON object; see "
                    + "docs/api/camera-ingest.md for its fields.");
        }
    }
}
