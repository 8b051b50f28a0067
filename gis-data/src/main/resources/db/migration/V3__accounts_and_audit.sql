-- Local accounts of the embedded sign-in, one-time codes for phone sign-in and the append-only audit log.
-- Accounts are not a place layer: nothing here is ever served through the layer APIs.

CREATE TABLE app_user (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- Sign-in name of staff accounts (lower case); citizens who sign in by phone may have none.
    username         text UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    -- Phone number in E.164 form (+84...), unique, for citizens and staff who sign in with a one-time code.
    phone            text UNIQUE CHECK (phone ~ '^\+84[0-9]{9,10}$'),
    display_name     text        NOT NULL,
    -- Argon2id hash in Spring Security's encoded form; NULL for accounts that sign in by phone only.
    password_hash    text,
    roles            text[]      NOT NULL DEFAULT '{}',
    commune_codes    text[]      NOT NULL DEFAULT '{}',
    agency_codes     text[]      NOT NULL DEFAULT '{}',
    cooperative_ids  text[]      NOT NULL DEFAULT '{}',
    school_ids       text[]      NOT NULL DEFAULT '{}',
    clinic_ids       text[]      NOT NULL DEFAULT '{}',
    enabled          boolean     NOT NULL DEFAULT true,
    -- Consecutive failed password sign-ins; reset by a successful one.
    failed_sign_ins  integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_identity CHECK (username IS NOT NULL OR phone IS NOT NULL)
);

-- One pending code per phone number; only a SHA-256 hash of the code is stored.
CREATE TABLE one_time_code (
    phone       text PRIMARY KEY,
    code_hash   text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Who did what, when and from where. Rows are only ever inserted: the trigger below rejects UPDATE,
-- DELETE and TRUNCATE for every role, the table owner included.
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    -- Account id of the actor, or NULL for an anonymous client (for example a failed sign-in).
    actor_id        text,
    -- The user name, phone or display name the actor gave or had at the time.
    actor_name      text        NOT NULL DEFAULT '',
    action          text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.-]{1,63}$'),
    outcome         text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    -- What the action was about, for example 'user:<id>' or 'layer:reports/42'.
    target          text        NOT NULL DEFAULT '',
    client_address  text        NOT NULL DEFAULT '',
    details         jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, occurred_at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
