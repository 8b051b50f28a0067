package vn.langso.backend.cameras;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Camera streams ({@code camera_stream}): the link from an agent's camera id to the layer row, and its state. */
@Repository
class CameraStreamRepository {

    private final DatabaseClient database;

    CameraStreamRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Finds the camera with this key. A key seen for the first time is linked to the camera of the cameras layer whose
     * {@code source_key} equals it (the feature id given at import), when exactly one camera has it and no other
     * key is linked to that camera. Returns empty when the key matches no camera.
     */
    Mono<CameraRef> resolve(String key) {
        return find(key).switchIfEmpty(Mono.defer(() -> link(key).then(find(key))));
    }

    private Mono<CameraRef> find(String key) {
        return database.sql("SELECT camera_key, camera_id FROM camera_stream WHERE camera_key = :key")
                .bind("key", key)
                .map(row -> new CameraRef(row.get("camera_key", String.class), row.get("camera_id", Long.class)))
                .one();
    }

    private Mono<Long> link(String key) {
        return database.sql("""
                        INSERT INTO camera_stream (camera_key, camera_id)
                        SELECT :key, c.id
                          FROM camera c
                         WHERE c.source_key = :key
                           AND (SELECT count(*) FROM camera other WHERE other.source_key = :key) = 1
                        ON CONFLICT DO NOTHING""")
                .bind("key", key)
                .fetch()
                .rowsUpdated();
    }

    /**
     * Applies a heartbeat unless a later one was already stored, and mirrors the status into the cameras layer.
     * Returns the stream status before the heartbeat, or empty when the heartbeat was older than the stored one.
     */
    Mono<String> applyHeartbeat(Heartbeat heartbeat) {
        String sql = """
                WITH previous AS (
                    SELECT camera_key, stream_status AS old_status, last_heartbeat_at AS old_at
                      FROM camera_stream WHERE camera_key = :key FOR UPDATE
                ), updated AS (
                    UPDATE camera_stream s
                       SET agent_id = :agent, stream_status = :status, last_heartbeat_at = :at, last_seen_at = now(),
                           fps = :fps, skipped_frames = :skipped, message = :message, updated_at = now()
                      FROM previous p
                     WHERE s.camera_key = p.camera_key AND (p.old_at IS NULL OR p.old_at <= :at)
                    RETURNING s.camera_id, p.old_status
                ), layer AS (
                    UPDATE camera c SET status = :layer_status
                      FROM updated u
                     WHERE c.id = u.camera_id AND c.status <> :layer_status
                    RETURNING c.id
                )
                SELECT u.old_status, (SELECT count(*) FROM layer) AS layer_rows FROM updated u""";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql)
                .bind("key", heartbeat.cameraKey())
                .bind("agent", heartbeat.agentId())
                .bind("status", heartbeat.status())
                .bind("at", heartbeat.at().atOffset(java.time.ZoneOffset.UTC))
                .bind("fps", heartbeat.fps())
                .bind("skipped", heartbeat.skippedFrames())
                .bind("layer_status", heartbeat.layerStatus());
        spec = heartbeat.message() == null ? spec.bindNull("message", String.class) : spec.bind("message", heartbeat.message());
        return spec.map(row -> row.get("old_status", String.class)).one();
    }

    /**
     * Marks offline every camera whose last heartbeat arrived longer ago than {@code offlineAfter}, in the stream
     * table and in the cameras layer, and returns those cameras.
     */
    Flux<MissedCamera> markMissedOffline(Duration offlineAfter) {
        String sql = """
                WITH missed AS (
                    UPDATE camera_stream
                       SET stream_status = 'offline', updated_at = now()
                     WHERE stream_status <> 'offline' AND last_seen_at < now() - make_interval(secs => :seconds)
                    RETURNING camera_key, camera_id, last_seen_at
                ), layer AS (
                    UPDATE camera c SET status = 'offline'
                      FROM missed m
                     WHERE c.id = m.camera_id AND c.status <> 'offline'
                    RETURNING c.id
                )
                SELECT camera_key, camera_id, last_seen_at, (SELECT count(*) FROM layer) AS layer_rows FROM missed""";
        return database.sql(sql)
                .bind("seconds", offlineAfter.toMillis() / 1000.0)
                .map(row -> new MissedCamera(new CameraRef(row.get("camera_key", String.class), row.get("camera_id", Long.class)),
                        row.get("last_seen_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** A camera found without a recent heartbeat, with the server time its last heartbeat arrived. */
    record MissedCamera(CameraRef camera, Instant lastSeenAt) {
    }
}
