-- Smart cameras. This links an agent's camera id to a row of the public cameras layer (table camera) and keeps
-- the stream state that heartbeats report. It records the batches already ingested, for exactly-once delivery.
-- Detections and counts go to daily range partitions, and violations keep their snapshot and track.

-- One row per camera that an agent serves. camera_key is the id the agent sends; camera_id is the feature
-- of the cameras layer that the map shows. last_seen_at is the server's receive time of the latest heartbeat,
-- and the offline check uses it so that agent clock skew does not matter. last_heartbeat_at is the agent's time.
CREATE TABLE camera_stream (
    camera_key        text PRIMARY KEY CHECK (camera_key ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'),
    camera_id         bigint NOT NULL UNIQUE REFERENCES camera (id) ON DELETE CASCADE,
    agent_id          text,
    stream_status     text NOT NULL DEFAULT 'unknown'
                      CHECK (stream_status IN ('online', 'offline', 'connecting', 'unknown')),
    last_heartbeat_at timestamptz,
    last_seen_at      timestamptz,
    fps               real CHECK (fps >= 0),
    skipped_frames    bigint CHECK (skipped_frames >= 0),
    message           text,
    last_sequence     bigint NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX camera_stream_last_seen_idx ON camera_stream (last_seen_at) WHERE stream_status <> 'offline';

-- Every batch accepted from an agent. The primary key makes a retried batch a no-op: the ingest inserts this
-- row first, in the same transaction as the batch's detections, counts and violations.
CREATE TABLE camera_batch (
    camera_key      text        NOT NULL REFERENCES camera_stream (camera_key) ON DELETE CASCADE,
    sequence        bigint      NOT NULL CHECK (sequence >= 1),
    agent_id        text        NOT NULL,
    sent_at         timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    detection_count integer     NOT NULL,
    count_rows      integer     NOT NULL,
    violation_count integer     NOT NULL,
    PRIMARY KEY (camera_key, sequence)
);

-- Objects seen by a camera. Box is x, y, width, height in image pixels. Partitioned by day on detected_at.
CREATE TABLE camera_detection (
    camera_id      bigint      NOT NULL,
    detected_at    timestamptz NOT NULL,
    batch_sequence bigint      NOT NULL,
    track_id       bigint      NOT NULL,
    class          text        NOT NULL,
    score          real        NOT NULL CHECK (score >= 0 AND score <= 1),
    box_x          real        NOT NULL,
    box_y          real        NOT NULL,
    box_width      real        NOT NULL CHECK (box_width >= 0),
    box_height     real        NOT NULL CHECK (box_height >= 0),
    colour         text
) PARTITION BY RANGE (detected_at);
CREATE INDEX camera_detection_camera_time_idx ON camera_detection (camera_id, detected_at);
CREATE INDEX camera_detection_class_time_idx ON camera_detection (class, detected_at);

-- Objects that crossed a counting line during [interval_start, interval_end), per class and direction.
-- Partitioned by day on interval_start.
CREATE TABLE camera_count (
    camera_id      bigint      NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_end   timestamptz NOT NULL,
    batch_sequence bigint      NOT NULL,
    line_id        text        NOT NULL,
    class          text        NOT NULL,
    direction      text        NOT NULL CHECK (direction IN ('forward', 'backward')),
    count          integer     NOT NULL CHECK (count >= 0),
    CHECK (interval_end > interval_start)
) PARTITION BY RANGE (interval_start);
CREATE INDEX camera_count_camera_time_idx ON camera_count (camera_id, interval_start);

-- Wrong-way travel across a directional line, or stopping too long in a no-stopping zone. The snapshot may
-- show people and number plates, so the API serves it only to officials. track is [[epochMillis, x, y], ...].
CREATE TABLE camera_violation (
    id             bigserial PRIMARY KEY,
    camera_id      bigint      NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
    batch_sequence bigint      NOT NULL,
    type           text        NOT NULL CHECK (type IN ('wrong_way', 'no_stopping')),
    track_id       bigint      NOT NULL,
    class          text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    line_id        text,
    zone_id        text,
    snapshot_jpeg  bytea,
    track          jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((type = 'wrong_way' AND line_id IS NOT NULL) OR (type = 'no_stopping' AND zone_id IS NOT NULL))
);
CREATE INDEX camera_violation_camera_time_idx ON camera_violation (camera_id, occurred_at DESC);

-- Creates the daily partitions of camera_detection and camera_count that hold the given day (UTC), unless
-- they exist. Safe to call concurrently: an advisory lock serialises the creators. Returns the number created.
CREATE FUNCTION camera_ensure_partitions(day date) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    parent  text;
    child   text;
    created integer := 0;
    day_start timestamptz := (day::timestamp AT TIME ZONE 'UTC');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('camera_ensure_partitions'));
    FOREACH parent IN ARRAY ARRAY['camera_detection', 'camera_count'] LOOP
        child := parent || '_' || to_char(day, 'YYYYMMDD');
        IF to_regclass(quote_ident(child)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           child, parent, day_start, day_start + interval '1 day');
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;

-- Partitions for the days around the migration; the backend creates later ones ahead of time and on demand.
SELECT camera_ensure_partitions((now() AT TIME ZONE 'UTC')::date + offset_days)
  FROM generate_series(-1, 7) AS offset_days;
