-- Video rooms of cooperatives and community clubs (rows of the cooperative layer table).
-- Nothing here is public: the room API decides access from the caller's cooperatives and roles.

CREATE TABLE room (
    id                       uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    cooperative_id           bigint      NOT NULL REFERENCES cooperative (id) ON DELETE CASCADE,
    topic                    text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    starts_at                timestamptz NOT NULL,
    duration_minutes         integer     NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 5 AND 1440),
    -- Days a recording is kept after it stops; expired recordings are purged.
    recording_retention_days integer     NOT NULL DEFAULT 90 CHECK (recording_retention_days BETWEEN 1 AND 3650),
    created_by               text        NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    ended_at                 timestamptz
);
CREATE INDEX room_cooperative_idx ON room (cooperative_id, starts_at);

-- Accounts invited by the moderator who scheduled the room, with the role they get when they join.
CREATE TABLE room_invitee (
    room_id    uuid NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    account_id text NOT NULL CHECK (length(account_id) BETWEEN 1 AND 200),
    role       text NOT NULL CHECK (role IN ('moderator', 'speaker', 'listener')),
    PRIMARY KEY (room_id, account_id)
);

-- Invitation links for people without an account. Only the SHA-256 of the token is stored, so a database
-- dump does not let anyone in.
CREATE TABLE room_invitation (
    id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id            uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    token_hash         bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    role               text        NOT NULL CHECK (role IN ('speaker', 'listener')),
    single_use         boolean     NOT NULL,
    requires_admission boolean     NOT NULL DEFAULT true,
    expires_at         timestamptz NOT NULL,
    used_count         integer     NOT NULL DEFAULT 0 CHECK (used_count >= 0),
    revoked_at         timestamptz,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT single_use OR used_count <= 1)
);
CREATE INDEX room_invitation_room_idx ON room_invitation (room_id);

-- Short-lived single-use tokens with which a signed-in member opens the signalling WebSocket from a browser,
-- which cannot send an Authorization header with the WebSocket handshake.
CREATE TABLE room_join_token (
    token_hash   bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    room_id      uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    account_id   text        NOT NULL,
    display_name text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('moderator', 'speaker', 'listener')),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
CREATE INDEX room_join_token_expiry_idx ON room_join_token (expires_at);

-- Lobby decisions: who asked to enter with which invitation, and which moderator admitted or rejected them.
CREATE TABLE room_lobby_entry (
    id            bigserial   PRIMARY KEY,
    room_id       uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    invitation_id uuid        REFERENCES room_invitation (id) ON DELETE SET NULL,
    display_name  text        NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    decision      text        CHECK (decision IN ('admitted', 'rejected', 'left')),
    decided_by    text,
    decided_at    timestamptz
);
CREATE INDEX room_lobby_entry_room_idx ON room_lobby_entry (room_id, requested_at);

-- Recordings' metadata; the media files themselves live on the media server's storage.
CREATE TABLE room_recording (
    -- The media server's recording id.
    id           text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    room_id      uuid        NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    uri          text        NOT NULL,
    started_by   text        NOT NULL,
    started_at   timestamptz NOT NULL,
    stopped_at   timestamptz,
    size_bytes   bigint      CHECK (size_bytes >= 0),
    delete_after timestamptz,
    CHECK (stopped_at IS NULL OR stopped_at >= started_at)
);
CREATE INDEX room_recording_room_idx ON room_recording (room_id, started_at);
CREATE INDEX room_recording_delete_after_idx ON room_recording (delete_after);
