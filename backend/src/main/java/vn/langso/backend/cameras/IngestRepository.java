package vn.langso.backend.cameras;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes batches: the batch row that makes a retry a no-op, then detections and counts in one multi-row insert each
 * (arrays unnested in PostgreSQL), then violations one by one for their ids. The caller runs these in one transaction.
 */
@Repository
class IngestRepository {

    private final DatabaseClient database;

    IngestRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Records the batch; returns false when the camera already has a batch with this sequence (a retry). */
    Mono<Boolean> insertBatch(CameraRef camera, IngestBatch batch) {
        return database.sql("""
                        INSERT INTO camera_batch (camera_key, sequence, agent_id, sent_at, detection_count, count_rows,
                                                  violation_count)
                        VALUES (:key, :sequence, :agent, :sent_at, :detections, :counts, :violations)
                        ON CONFLICT (camera_key, sequence) DO NOTHING""")
                .bind("key", camera.key())
                .bind("sequence", batch.sequence())
                .bind("agent", batch.agentId())
                .bind("sent_at", batch.sentAt().atOffset(ZoneOffset.UTC))
                .bind("detections", batch.detections().size())
                .bind("counts", batch.counts().size())
                .bind("violations", batch.violations().size())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Long> insertDetections(CameraRef camera, long sequence, List<IngestBatch.Detection> detections) {
        if (detections.isEmpty()) {
            return Mono.just(0L);
        }
        String sql = """
                INSERT INTO camera_detection (camera_id, detected_at, batch_sequence, track_id, class, score,
                                              box_x, box_y, box_width, box_height, colour)
                SELECT :camera, d.at, :sequence, d.track, d.class, d.score, d.x, d.y, d.w, d.h, NULLIF(d.colour, '')
                  FROM unnest(CAST(:at AS timestamptz[]), CAST(:track AS bigint[]), CAST(:class AS text[]),
                              CAST(:score AS real[]), CAST(:x AS real[]), CAST(:y AS real[]), CAST(:w AS real[]),
                              CAST(:h AS real[]), CAST(:colour AS text[]))
                       AS d(at, track, class, score, x, y, w, h, colour)""";
        return database.sql(sql)
                .bind("camera", camera.featureId())
                .bind("sequence", sequence)
                .bind("at", strings(detections, detection -> detection.at().toString()))
                .bind("track", detections.stream().map(IngestBatch.Detection::trackId).toArray(Long[]::new))
                .bind("class", strings(detections, IngestBatch.Detection::objectClass))
                .bind("score", detections.stream().map(IngestBatch.Detection::score).toArray(Double[]::new))
                .bind("x", detections.stream().map(IngestBatch.Detection::x).toArray(Double[]::new))
                .bind("y", detections.stream().map(IngestBatch.Detection::y).toArray(Double[]::new))
                .bind("w", detections.stream().map(IngestBatch.Detection::width).toArray(Double[]::new))
                .bind("h", detections.stream().map(IngestBatch.Detection::height).toArray(Double[]::new))
                // Empty string for "no colour": the array codec is not relied on for null elements.
                .bind("colour", strings(detections, detection -> detection.colour() == null ? "" : detection.colour()))
                .fetch()
                .rowsUpdated();
    }

    Mono<Long> insertCounts(CameraRef camera, long sequence, List<IngestBatch.LineCount> counts) {
        if (counts.isEmpty()) {
            return Mono.just(0L);
        }
        String sql = """
                INSERT INTO camera_count (camera_id, interval_start, interval_end, batch_sequence, line_id, class,
                                          direction, count)
                SELECT :camera, c.start_at, c.end_at, :sequence, c.line, c.class, c.direction, c.count
                  FROM unnest(CAST(:start AS timestamptz[]), CAST(:end AS timestamptz[]), CAST(:line AS text[]),
                              CAST(:class AS text[]), CAST(:direction AS text[]), CAST(:count AS integer[]))
                       AS c(start_at, end_at, line, class, direction, count)""";
        return database.sql(sql)
                .bind("camera", camera.featureId())
                .bind("sequence", sequence)
                .bind("start", strings(counts, count -> count.intervalStart().toString()))
                .bind("end", strings(counts, count -> count.intervalEnd().toString()))
                .bind("line", strings(counts, IngestBatch.LineCount::lineId))
                .bind("class", strings(counts, IngestBatch.LineCount::objectClass))
                .bind("direction", strings(counts, IngestBatch.LineCount::direction))
                .bind("count", counts.stream().map(IngestBatch.LineCount::count).toArray(Integer[]::new))
                .fetch()
                .rowsUpdated();
    }

    /** Inserts the violations in order and returns their new ids in the same order. */
    Flux<Long> insertViolations(CameraRef camera, long sequence, List<IngestBatch.Violation> violations) {
        return Flux.fromIterable(violations).concatMap(violation -> {
            DatabaseClient.GenericExecuteSpec spec = database.sql("""
                            INSERT INTO camera_violation (camera_id, batch_sequence, type, track_id, class, occurred_at,
                                                          line_id, zone_id, snapshot_jpeg, track)
                            VALUES (:camera, :sequence, :type, :track_id, :class, :at, :line, :zone, :snapshot,
                                    CAST(:track AS jsonb))
                            RETURNING id""")
                    .bind("camera", camera.featureId())
                    .bind("sequence", sequence)
                    .bind("type", violation.type())
                    .bind("track_id", violation.trackId())
                    .bind("class", violation.objectClass())
                    .bind("at", violation.at().atOffset(ZoneOffset.UTC))
                    .bind("track", violation.trackJson());
            spec = violation.lineId() == null ? spec.bindNull("line", String.class) : spec.bind("line", violation.lineId());
            spec = violation.zoneId() == null ? spec.bindNull("zone", String.class) : spec.bind("zone", violation.zoneId());
            spec = violation.snapshotJpeg() == null ? spec.bindNull("snapshot", byte[].class)
                    : spec.bind("snapshot", java.nio.ByteBuffer.wrap(violation.snapshotJpeg()));
            return spec.map(row -> row.get("id", Long.class)).one();
        });
    }

    Mono<Long> updateLastSequence(CameraRef camera, long sequence) {
        return database.sql("""
                        UPDATE camera_stream SET last_sequence = greatest(last_sequence, :sequence), updated_at = now()
                         WHERE camera_key = :key""")
                .bind("sequence", sequence)
                .bind("key", camera.key())
                .fetch()
                .rowsUpdated();
    }

    /** Creates the detection and count partitions of a day unless they exist; returns how many were created. */
    Mono<Integer> ensurePartitions(LocalDate day) {
        return database.sql("SELECT camera_ensure_partitions(:day) AS created")
                .bind("day", day)
                .map(row -> row.get("created", Integer.class))
                .one();
    }

    private static <T> String[] strings(List<T> items, Function<T, String> value) {
        return items.stream().map(value).toArray(String[]::new);
    }
}
