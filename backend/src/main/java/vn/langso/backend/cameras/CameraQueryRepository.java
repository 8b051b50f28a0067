package vn.langso.backend.cameras;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.Page;

/** Reads cameras, counts, violations and detections for the camera read API. */
@Repository
class CameraQueryRepository {

    private static final String CAMERA_COLUMNS = """
            c.id, c.name, c.road, c.view_direction_deg::float8 AS view_direction_deg, c.status, c.commune_code,
            ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat, s.camera_key, s.stream_status, s.fps::float8 AS fps,
            s.skipped_frames, s.last_heartbeat_at, s.last_sequence""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;

    CameraQueryRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Finds one page of the cameras of the layer, with their stream state when an agent serves them. */
    Flux<Map<String, Object>> cameras(Page page) {
        return database.sql("SELECT " + CAMERA_COLUMNS + " FROM camera c LEFT JOIN camera_stream s ON s.camera_id = c.id"
                        + " ORDER BY c.id LIMIT :limit OFFSET :offset")
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map(row -> camera(row))
                .all();
    }

    /** Finds the camera with this agent key, or returns empty. */
    Mono<Map<String, Object>> camera(String key) {
        return database.sql("SELECT " + CAMERA_COLUMNS + " FROM camera c JOIN camera_stream s ON s.camera_id = c.id"
                        + " WHERE s.camera_key = :key")
                .bind("key", key)
                .map(row -> camera(row))
                .one();
    }

    /**
     * Sums counts per bucket of {@code minutes}, class and direction. Buckets are aligned to whole multiples of the
     * bucket length since 2000-01-01 UTC, and a stored interval counts in the bucket where it starts.
     */
    Flux<Map<String, Object>> counts(long featureId, int minutes, TimeWindow window, List<String> classes,
            String direction, String lineId) {
        SqlStatement statement = new SqlStatement()
                .where("camera_id = :camera").bind("camera", featureId)
                .where("interval_start >= :from").bind("from", window.from().atOffset(ZoneOffset.UTC))
                .where("interval_start < :to").bind("to", window.to().atOffset(ZoneOffset.UTC));
        if (!classes.isEmpty()) {
            statement.where("class = ANY(CAST(:classes AS text[]))").bind("classes", classes.toArray(String[]::new));
        }
        if (direction != null) {
            statement.where("direction = :direction").bind("direction", direction);
        }
        if (lineId != null) {
            statement.where("line_id = :line").bind("line", lineId);
        }
        statement.bind("minutes", minutes);
        String sql = """
                SELECT date_bin(make_interval(mins => :minutes), interval_start, TIMESTAMPTZ '2000-01-01 00:00:00+00')
                           AS bucket, class, direction, sum(count)::bigint AS total
                  FROM camera_count""" + statement.whereClause() + """

                 GROUP BY bucket, class, direction
                 ORDER BY bucket, class, direction""";
        return statement.prepare(database, sql).map(row -> {
            Instant start = row.get("bucket", OffsetDateTime.class).toInstant();
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("start", start.toString());
            bucket.put("end", start.plusSeconds(minutes * 60L).toString());
            bucket.put("class", row.get("class", String.class));
            bucket.put("direction", row.get("direction", String.class));
            bucket.put("count", row.get("total", Long.class));
            return bucket;
        }).all();
    }

    /** Finds violations of a camera in a window, newest first, without their snapshot bytes. */
    Flux<Map<String, Object>> violations(long featureId, TimeWindow window, Page page) {
        return database.sql("""
                        SELECT id, type, track_id, class, occurred_at, line_id, zone_id, track::text AS track,
                               snapshot_jpeg IS NOT NULL AS has_snapshot
                          FROM camera_violation
                         WHERE camera_id = :camera AND occurred_at >= :from AND occurred_at < :to
                         ORDER BY occurred_at DESC, id DESC
                         LIMIT :limit OFFSET :offset""")
                .bind("camera", featureId)
                .bind("from", window.from().atOffset(ZoneOffset.UTC))
                .bind("to", window.to().atOffset(ZoneOffset.UTC))
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map(row -> {
                    long id = row.get("id", Long.class);
                    Map<String, Object> violation = new LinkedHashMap<>();
                    violation.put("id", id);
                    violation.put("type", row.get("type", String.class));
                    violation.put("trackId", row.get("track_id", Long.class));
                    violation.put("class", row.get("class", String.class));
                    violation.put("at", row.get("occurred_at", OffsetDateTime.class).toInstant().toString());
                    violation.put("lineId", row.get("line_id", String.class));
                    violation.put("zoneId", row.get("zone_id", String.class));
                    violation.put("track", JSON.readTree(row.get("track", String.class)));
                    violation.put("snapshot", Boolean.TRUE.equals(row.get("has_snapshot", Boolean.class))
                            ? CameraHandler.snapshotPath(id) : null);
                    return violation;
                })
                .all();
    }

    /** Finds a violation's snapshot and the commune of its camera, or returns empty when there is no violation. */
    Mono<Snapshot> snapshot(long violationId) {
        return database.sql("""
                        SELECT v.snapshot_jpeg, v.created_at, c.commune_code
                          FROM camera_violation v JOIN camera c ON c.id = v.camera_id
                         WHERE v.id = :id""")
                .bind("id", violationId)
                .map(row -> {
                    ByteBuffer jpeg = row.get("snapshot_jpeg", ByteBuffer.class);
                    byte[] bytes = null;
                    if (jpeg != null) {
                        bytes = new byte[jpeg.remaining()];
                        jpeg.get(bytes);
                    }
                    return new Snapshot(bytes, row.get("created_at", OffsetDateTime.class).toInstant(),
                            row.get("commune_code", String.class));
                })
                .one();
    }

    /** A stored snapshot; jpeg is null when the violation has none. */
    record Snapshot(byte[] jpeg, Instant storedAt, String communeCode) {
    }

    /** Finds detections matching the query, newest first, limited to the cameras of the scope. */
    Flux<Map<String, Object>> detections(DetectionQuery query, CameraAccess.Scope scope) {
        SqlStatement statement = new SqlStatement()
                .where("d.detected_at >= :from").bind("from", query.window().from().atOffset(ZoneOffset.UTC))
                .where("d.detected_at < :to").bind("to", query.window().to().atOffset(ZoneOffset.UTC));
        if (!query.classes().isEmpty()) {
            statement.where("d.class = ANY(CAST(:classes AS text[]))").bind("classes", query.classes().toArray(String[]::new));
        }
        if (query.colour() != null) {
            statement.where("d.colour = :colour").bind("colour", query.colour());
        }
        if (query.cameraKey() != null) {
            statement.where("s.camera_key = :camera").bind("camera", query.cameraKey());
        }
        if (query.area() != null) {
            statement.where("ST_Covers(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(:area), 4326)), c.geom)")
                    .bind("area", query.area());
        }
        if (query.bbox() != null) {
            statement.where("ST_Y(c.geom) BETWEEN :south AND :north")
                    .bind("south", query.bbox().south()).bind("north", query.bbox().north());
            statement.where(query.bbox().crossesAntimeridian() ? "(ST_X(c.geom) >= :west OR ST_X(c.geom) <= :east)"
                    : "ST_X(c.geom) BETWEEN :west AND :east");
            statement.bind("west", query.bbox().west()).bind("east", query.bbox().east());
        }
        if (!scope.allCommunes()) {
            statement.where("c.commune_code = ANY(CAST(:communes AS text[]))")
                    .bind("communes", scope.communeCodes().toArray(String[]::new));
        }
        statement.bind("limit", query.page().limit() + 1).bind("offset", query.page().offset());
        String sql = """
                SELECT s.camera_key, d.camera_id, d.detected_at, d.track_id, d.class, d.score::float8 AS score,
                       d.box_x::float8 AS box_x, d.box_y::float8 AS box_y, d.box_width::float8 AS box_width,
                       d.box_height::float8 AS box_height, d.colour, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat
                  FROM camera_detection d
                  JOIN camera c ON c.id = d.camera_id
                  LEFT JOIN camera_stream s ON s.camera_id = d.camera_id""" + statement.whereClause() + """

                 ORDER BY d.detected_at DESC, d.camera_id, d.track_id
                 LIMIT :limit OFFSET :offset""";
        return statement.prepare(database, sql).map(row -> {
            Map<String, Object> detection = new LinkedHashMap<>();
            detection.put("camera", row.get("camera_key", String.class));
            detection.put("featureId", row.get("camera_id", Long.class));
            detection.put("at", row.get("detected_at", OffsetDateTime.class).toInstant().toString());
            detection.put("trackId", row.get("track_id", Long.class));
            detection.put("class", row.get("class", String.class));
            detection.put("score", round(row.get("score", Double.class), 4));
            detection.put("box", List.of(round(row.get("box_x", Double.class), 1), round(row.get("box_y", Double.class), 1),
                    round(row.get("box_width", Double.class), 1), round(row.get("box_height", Double.class), 1)));
            detection.put("colour", row.get("colour", String.class));
            detection.put("lon", row.get("lon", Double.class));
            detection.put("lat", row.get("lat", Double.class));
            return detection;
        }).all();
    }

    private static Map<String, Object> camera(Readable row) {
        Map<String, Object> camera = new LinkedHashMap<>();
        camera.put("featureId", row.get("id", Long.class));
        camera.put("camera", row.get("camera_key", String.class));
        camera.put("name", row.get("name", String.class));
        camera.put("road", row.get("road", String.class));
        camera.put("viewDirectionDeg", row.get("view_direction_deg", Double.class));
        camera.put("communeCode", row.get("commune_code", String.class));
        camera.put("lon", row.get("lon", Double.class));
        camera.put("lat", row.get("lat", Double.class));
        camera.put("status", row.get("status", String.class));
        String streamStatus = row.get("stream_status", String.class);
        camera.put("streamStatus", streamStatus == null ? "unknown" : streamStatus);
        camera.put("fps", row.get("fps", Double.class));
        camera.put("skippedFrames", row.get("skipped_frames", Long.class));
        OffsetDateTime heartbeat = row.get("last_heartbeat_at", OffsetDateTime.class);
        camera.put("lastHeartbeatAt", heartbeat == null ? null : heartbeat.toInstant().toString());
        camera.put("lastSequence", row.get("last_sequence", Long.class));
        return camera;
    }

    private static double round(Double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
