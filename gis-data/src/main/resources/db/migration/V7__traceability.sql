-- Traceability of farm products with GS1 EPCIS 2.0: master data of places and products, captured events
-- stored as their original JSON (jsonb) beside columns extracted for indexing, and their identifiers.

-- Places of the supply chain as a point layer with the shared place columns: farms, cooperatives' collection
-- points, warehouses and processors. location_id is the identifier partners send as an EPCIS readPoint or
-- bizLocation: an SGLN URN (urn:epc:id:sgln:...) or a GS1 Digital Link URI (https://id.gs1.org/414/...).
CREATE TABLE trace_location (
    id            bigserial PRIMARY KEY,
    name          text        NOT NULL,
    name_folded   text        GENERATED ALWAYS AS (fold_vietnamese(name)) STORED,
    geom          geometry(Point, 4326) NOT NULL,
    commune_code  text,
    address       text,
    properties    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    source        text        NOT NULL DEFAULT 'api',
    source_key    text        NOT NULL DEFAULT gen_random_uuid()::text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    location_id   text        UNIQUE,
    location_kind text        NOT NULL DEFAULT 'farm'
                  CHECK (location_kind IN ('farm', 'cooperative', 'warehouse', 'processor', 'market', 'other')),
    CONSTRAINT trace_location_source_key UNIQUE (source, source_key)
);
CREATE INDEX trace_location_geom_idx ON trace_location USING gist (geom);
CREATE INDEX trace_location_commune_idx ON trace_location (commune_code);
CREATE INDEX trace_location_name_folded_idx ON trace_location (name_folded text_pattern_ops);
CREATE TRIGGER trace_location_tag_commune BEFORE INSERT OR UPDATE ON trace_location
    FOR EACH ROW EXECUTE FUNCTION tag_commune();

INSERT INTO layer (name, table_name, title_vi, title_en, description_vi, description_en, personal_data, sort_order) VALUES
    ('trace_locations', 'trace_location', 'Điểm truy xuất nguồn gốc', 'Traceability places',
     'Trang trại, điểm thu mua, kho và cơ sở chế biến nông sản', 'Farms, collection points, warehouses and processors of farm products',
     false, 70);

-- Growing areas (mã số vùng trồng) and ponds as polygons. They are not in the layer catalog, whose shared
-- code serves point tables only; /api/v1/traceability/growing-areas serves them as GeoJSON.
CREATE TABLE growing_area (
    id            bigserial PRIMARY KEY,
    location_id   text        NOT NULL UNIQUE,
    area_code     text        NOT NULL,
    name          text        NOT NULL,
    area_kind     text        NOT NULL DEFAULT 'growing_area' CHECK (area_kind IN ('growing_area', 'pond')),
    products      text,
    certifications text[]     NOT NULL DEFAULT '{}',
    geom          geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    commune_code  text,
    properties    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX growing_area_geom_idx ON growing_area USING gist (geom);

-- Tags a growing area with the commune that contains a point inside it.
CREATE FUNCTION tag_growing_area_commune() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.commune_code := current_commune_at(ST_PointOnSurface(NEW.geom));
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER growing_area_tag_commune BEFORE INSERT OR UPDATE ON growing_area
    FOR EACH ROW EXECUTE FUNCTION tag_growing_area_commune();

-- Trade items by GTIN-14, for the consumer page.
CREATE TABLE trace_product (
    gtin           text PRIMARY KEY CHECK (gtin ~ '^[0-9]{14}$'),
    name_vi        text NOT NULL,
    name_en        text NOT NULL,
    description_vi text NOT NULL DEFAULT '',
    description_en text NOT NULL DEFAULT ''
);

-- One capture job per POST of a document or an event (the EPCIS 2.0 REST binding's capture job).
CREATE TABLE epcis_capture (
    id           uuid        PRIMARY KEY,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    running      boolean     NOT NULL DEFAULT true,
    success      boolean,
    event_count  integer     NOT NULL DEFAULT 0,
    errors       jsonb       NOT NULL DEFAULT '[]'::jsonb
);

-- Captured events. content is the event as captured, context the @context of its document, so that a query
-- returns the same content. event_id repeats when a later event declares an earlier one erroneous. geom is
-- the read point's location and biz_geom the business location's: from a geo: URI, a trace_location or the
-- point on the surface of a growing_area. commune_code is the commune of the read point.
CREATE TABLE epcis_event (
    id              bigserial   PRIMARY KEY,
    event_id        text        NOT NULL,
    capture_id      uuid        NOT NULL REFERENCES epcis_capture (id),
    event_type      text        NOT NULL,
    event_time      timestamptz NOT NULL,
    time_zone_offset text       NOT NULL,
    record_time     timestamptz NOT NULL DEFAULT now(),
    action          text,
    biz_step        text,
    disposition     text,
    read_point      text,
    biz_location    text,
    geom            geometry(Point, 4326),
    biz_geom        geometry(Point, 4326),
    commune_code    text,
    context         jsonb,
    content         jsonb       NOT NULL
);
CREATE INDEX epcis_event_event_id_idx ON epcis_event (event_id);
CREATE INDEX epcis_event_time_idx ON epcis_event (event_time);
CREATE INDEX epcis_event_record_time_idx ON epcis_event (record_time);
CREATE INDEX epcis_event_biz_step_idx ON epcis_event (biz_step);
CREATE INDEX epcis_event_read_point_idx ON epcis_event (read_point);
CREATE INDEX epcis_event_biz_location_idx ON epcis_event (biz_location);
CREATE INDEX epcis_event_commune_idx ON epcis_event (commune_code);
CREATE INDEX epcis_event_geom_idx ON epcis_event USING gist (geom);

-- Identifiers of each event by role (epc, parent, child, input, output, and the *_class roles of quantity
-- elements), for the MATCH_ query parameters. gtin and lot are set for batch-level identifiers (LGTIN).
CREATE TABLE epcis_event_epc (
    event_pk  bigint NOT NULL REFERENCES epcis_event (id) ON DELETE CASCADE,
    role      text   NOT NULL,
    value     text   NOT NULL,
    gtin      text,
    lot       text
);
CREATE INDEX epcis_event_epc_value_idx ON epcis_event_epc (value text_pattern_ops);
CREATE INDEX epcis_event_epc_event_idx ON epcis_event_epc (event_pk);
CREATE INDEX epcis_event_epc_batch_idx ON epcis_event_epc (gtin, lot) WHERE gtin IS NOT NULL;

-- The location of an EPCIS readPoint or bizLocation id. It is the point of a geo: URI (the caller parses its
-- longitude and latitude and passes them in), else the trace_location with that id, else a point on the surface
-- of the growing_area with that id. It is NULL when none is known.
CREATE FUNCTION trace_place_geom(place_id text, lon double precision, lat double precision) RETURNS geometry
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT COALESCE(
        CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END,
        (SELECT t.geom FROM trace_location t WHERE t.location_id = place_id),
        (SELECT ST_PointOnSurface(g.geom) FROM growing_area g WHERE g.location_id = place_id))
$$;
