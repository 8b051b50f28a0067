-- Citizen reports: categories, routing, holidays and the private side of each report. The public layer stays
-- the V1 table report, without personal data. Everything personal or internal lives in the tables below, and
-- the public views (layers API, OGC, tiles, exports, Open311 reads) never read them.

-- Report categories; code is also the Open311 service_code.
CREATE TABLE report_category (
    code                    text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    name_vi                 text    NOT NULL,
    name_en                 text    NOT NULL,
    description_vi          text    NOT NULL DEFAULT '',
    description_en          text    NOT NULL DEFAULT '',
    deadline_working_days   integer NOT NULL CHECK (deadline_working_days BETWEEN 1 AND 60),
    duplicate_radius_m      integer NOT NULL DEFAULT 200 CHECK (duplicate_radius_m BETWEEN 1 AND 5000),
    duplicate_window_days   integer NOT NULL DEFAULT 14 CHECK (duplicate_window_days BETWEEN 1 AND 365),
    sort_order              integer NOT NULL DEFAULT 0
);

INSERT INTO report_category (code, name_vi, name_en, description_vi, description_en, deadline_working_days,
                             duplicate_radius_m, duplicate_window_days, sort_order) VALUES
    ('flooding', 'Ngập nước', 'Flooding', 'Đường, khu dân cư bị ngập', 'Flooded roads or neighbourhoods', 1, 300, 3, 10),
    ('street_light', 'Đèn đường hỏng', 'Broken street light', 'Đèn đường không sáng hoặc hư hỏng', 'A street light that is off or broken', 2, 150, 14, 20),
    ('road_damage', 'Hư hỏng đường', 'Road damage', 'Ổ gà, sụt lún, nứt mặt đường', 'Potholes, subsidence, cracked roads', 5, 100, 30, 30),
    ('waste', 'Rác thải, đổ trộm', 'Illegal dumping', 'Rác thải, đổ trộm chất thải', 'Waste and illegal dumping', 3, 150, 14, 40),
    ('fallen_tree', 'Cây đổ', 'Fallen tree', 'Cây đổ, nhánh gãy chắn đường', 'Fallen trees or branches blocking a road', 1, 100, 3, 50),
    ('traffic_hazard', 'Nguy hiểm giao thông', 'Traffic hazard', 'Biển báo, đèn tín hiệu hỏng, vật cản', 'Broken signs or signals, obstacles', 2, 150, 7, 60),
    ('other', 'Khác', 'Other', 'Phản ánh khác', 'Anything else', 10, 50, 7, 99);

-- Which agency handles a category: a row with commune_code NULL applies to every commune unless a row for
-- that commune exists.
CREATE TABLE report_route (
    id            bigserial PRIMARY KEY,
    category      text NOT NULL REFERENCES report_category (code) ON DELETE CASCADE,
    commune_code  text,
    agency_code   text NOT NULL,
    CONSTRAINT report_route_unique UNIQUE NULLS NOT DISTINCT (category, commune_code)
);

INSERT INTO report_route (category, commune_code, agency_code) VALUES
    ('flooding', NULL, 'public_works'),
    ('street_light', NULL, 'public_works'),
    ('road_damage', NULL, 'transport'),
    ('traffic_hazard', NULL, 'transport'),
    ('fallen_tree', NULL, 'public_works'),
    ('waste', NULL, 'environment'),
    ('other', NULL, 'commune_office');

-- Public holidays that deadlines skip besides weekends. Lunar holidays (Tết, Hùng Kings) move every year, so
-- the list is data: add each year's dates before the year starts.
CREATE TABLE report_holiday (
    day   date PRIMARY KEY,
    name  text NOT NULL
);

INSERT INTO report_holiday (day, name) VALUES
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-16', 'Tết Nguyên đán'), ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'),
    ('2026-02-19', 'Tết Nguyên đán'), ('2026-02-20', 'Tết Nguyên đán'),
    ('2026-04-27', 'Giỗ Tổ Hùng Vương'),
    ('2026-04-30', 'Ngày Giải phóng miền Nam'), ('2026-05-01', 'Quốc tế Lao động'),
    ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
    ('2027-01-01', 'Tết Dương lịch');

-- The private side of a report: who sent it, who handles it, its deadline and its version for optimistic
-- locking. One row per report row.
CREATE TABLE report_private (
    report_id            bigint PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    version              integer     NOT NULL DEFAULT 1,
    reporter_account_id  text,
    reporter_name        text,
    reporter_phone       text,
    follow_token_hash    text        NOT NULL,
    open311_token        text UNIQUE,
    agency_code          text,
    assignee_id          text,
    assignee_name        text,
    due_date             date        NOT NULL,
    resolved_at          timestamptz,
    escalated_at         timestamptz,
    rejection_reason     text,
    rating               smallint CHECK (rating BETWEEN 1 AND 5),
    rating_comment       text,
    location_from_photo  boolean     NOT NULL DEFAULT false
);
CREATE INDEX report_private_reporter_idx ON report_private (reporter_account_id);
CREATE INDEX report_private_agency_idx ON report_private (agency_code);

-- Every workflow step: who moved the report from which status to which, and when.
CREATE TABLE report_event (
    id            bigserial PRIMARY KEY,
    report_id     bigint      NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    at            timestamptz NOT NULL DEFAULT now(),
    actor_id      text,
    actor_kind    text        NOT NULL CHECK (actor_kind IN ('citizen', 'handler', 'system')),
    actor_name    text        NOT NULL DEFAULT '',
    from_status   text,
    to_status     text        NOT NULL,
    note          text
);
CREATE INDEX report_event_report_idx ON report_event (report_id, id);

-- Messages between the reporter and the handlers.
CREATE TABLE report_message (
    id           bigserial PRIMARY KEY,
    report_id    bigint      NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL DEFAULT now(),
    author_id    text,
    author_kind  text        NOT NULL CHECK (author_kind IN ('citizen', 'handler')),
    author_name  text        NOT NULL DEFAULT '',
    body         text        NOT NULL
);
CREATE INDEX report_message_report_idx ON report_message (report_id, id);

-- Photos and videos of a report. storage_key is generated by the server (no user text); the stored copies have
-- their metadata removed. A GPS position found in a photo is used only as a location hint at submission and is
-- not kept.
CREATE TABLE report_media (
    id             uuid PRIMARY KEY,
    report_id      bigint      NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    kind           text        NOT NULL CHECK (kind IN ('photo', 'video')),
    content_type   text        NOT NULL,
    size_bytes     bigint      NOT NULL,
    storage_key    text        NOT NULL,
    thumbnail_key  text,
    position       integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_media_report_idx ON report_media (report_id, position);

CREATE INDEX report_status_category_idx ON report (category, status, reported_at);
