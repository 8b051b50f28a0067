package vn.langso.backend.cameras;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One validated batch of events from a camera agent ({@code POST /api/v1/camera-ingest/batches}).
 *
 * @param sequence per-camera batch number; a batch whose (camera, sequence) is already stored is a duplicate
 */
record IngestBatch(String agentId, String cameraKey, long sequence, Instant sentAt, List<Detection> detections,
                   List<LineCount> counts, List<Violation> violations) {

    /** An object seen in a frame; the box is x, y, width, height in image pixels. */
    record Detection(long trackId, String objectClass, double score, double x, double y, double width, double height,
                     Instant at, String colour) {
    }

    /** Objects of a class that crossed a counting line in one direction during [intervalStart, intervalEnd). */
    record LineCount(String lineId, String objectClass, String direction, Instant intervalStart, Instant intervalEnd,
                     int count) {
    }

    /**
     * A wrong-way crossing of a line or a stop in a no-stopping zone.
     *
     * @param snapshotJpeg JPEG bytes with the box drawn, or null when the agent sent none
     * @param trackJson    the track as JSON text, {@code [[epochMillis, x, y], ...]}
     */
    record Violation(String type, long trackId, String objectClass, Instant at, String lineId, String zoneId,
                     byte[] snapshotJpeg, String trackJson) {
    }

    /** Returns the UTC days that the batch's rows fall on, which are the partitions it writes to. */
    Set<LocalDate> partitionDays() {
        Set<LocalDate> days = new TreeSet<>();
        detections.forEach(detection -> days.add(day(detection.at())));
        counts.forEach(count -> days.add(day(count.intervalStart())));
        return days;
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
