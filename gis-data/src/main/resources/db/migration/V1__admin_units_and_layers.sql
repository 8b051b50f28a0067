-- Core spatial schema: administrative units with validity periods, the layer catalog and one table per
-- place layer. Storage CRS is WGS 84 (EPSG:4326, lon/lat). PostGIS must already be installed by a
-- superuser; IF NOT EXISTS lets this run as the application's own, non-superuser role afterwards.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Search key for Vietnamese names: lower case, diacritics removed, đ folded to d, spaces collapsed,
-- so that "Tan Thuan Tay", "tân thuận tây" and an NFD spelling all match "Tân Thuận Tây".
CREATE FUNCTION fold_vietnamese(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(
               regexp_replace(translate(normalize(lower(input), NFD), 'đ', 'd'), '[\u0300-\u036f]', '', 'g'),
               '\s+', ' ', 'g'))
$$;

-- Administrative units of every period. A unit is current while valid_to is NULL; the 1 July 2025
-- reform ended the district level, so pre-2025 districts and communes carry valid_to = 2025-07-01.
CREATE TABLE admin_unit (
    id           bigserial PRIMARY KEY,
    code         text        NOT NULL,
    name         text        NOT NULL,
    name_folded  text        GENERATED ALWAYS AS (fold_vietnamese(name)) STORED,
    level        text        NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    unit_type    text,
    parent_code  text,
    valid_from   date        NOT NULL,
    valid_to     date,
    geom         geometry(MultiPolygon, 4326) NOT NULL,
    properties   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    source       text,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT admin_unit_period CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT admin_unit_identity UNIQUE (level, code, valid_from)
);
CREATE INDEX admin_unit_geom_idx ON admin_unit USING gist (geom);
CREATE INDEX admin_unit_name_folded_idx ON admin_unit (name_folded text_pattern_ops);
CREATE INDEX admin_unit_current_idx ON admin_unit (level, code) WHERE valid_to IS NULL;

-- The layers that the API, the map and the importer know. table_name is only ever taken from this
-- table, never from a request, so it can be used as an identifier in generated SQL.
CREATE TABLE layer (
    name           text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    table_name     text    NOT NULL UNIQUE,
    title_vi       text    NOT NULL,
    title_en       text    NOT NULL,
    description_vi text    NOT NULL DEFAULT '',
    description_en text    NOT NULL DEFAULT '',
    geometry_type  text    NOT NULL DEFAULT 'Point',
    -- Layers holding personal data (report authors later) are never served to the public as a whole.
    personal_data  boolean NOT NULL DEFAULT false,
    sort_order     integer NOT NULL DEFAULT 0
);

-- The commune that contains a point today. The 2025 polygons were simplified one by one, so
-- neighbours overlap slightly and leave gaps: a point in a gap takes the nearest commune within 300 m.
CREATE FUNCTION current_commune_at(point geometry) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT code FROM (
        SELECT code, 0 AS rank, ST_Area(geom) AS area
          FROM admin_unit
         WHERE level = 'commune' AND valid_to IS NULL AND ST_Intersects(geom, point)
        UNION ALL
        SELECT code, 1 AS rank, ST_Distance(geom::geography, point::geography) AS area
          FROM admin_unit
         WHERE level = 'commune' AND valid_to IS NULL
           AND ST_DWithin(geom::geography, point::geography, 300)
    ) candidates
    ORDER BY rank, area
    LIMIT 1
$$;

-- Tags every written point feature with its current commune (point-in-polygon at write time).
CREATE FUNCTION tag_commune() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.commune_code := current_commune_at(NEW.geom);
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- One table per place layer. They share the columns below; source/source_key identify a feature in
-- the file it came from, so re-importing the same file updates rows instead of adding duplicates.
DO $$
DECLARE
    shared_columns CONSTANT text := $columns$
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
    $columns$;
    layer_columns CONSTANT text[][] := ARRAY[
        ['report', $columns$
            category     text        NOT NULL DEFAULT 'other',
            description  text        NOT NULL DEFAULT '',
            status       text        NOT NULL DEFAULT 'received'
                         CHECK (status IN ('received', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'reopened')),
            reported_at  timestamptz NOT NULL DEFAULT now()
        $columns$],
        ['camera', $columns$
            road               text,
            view_direction_deg numeric(4, 1) CHECK (view_direction_deg >= 0 AND view_direction_deg < 360),
            status             text NOT NULL DEFAULT 'unknown' CHECK (status IN ('online', 'offline', 'unknown'))
        $columns$],
        ['merchant', $columns$
            category       text,
            phone          text,
            accepts_vietqr boolean NOT NULL DEFAULT false
        $columns$],
        ['school', $columns$
            school_code    text,
            school_level   text CHECK (school_level IN ('preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level', 'other')),
            student_count  integer CHECK (student_count >= 0)
        $columns$],
        ['clinic', $columns$
            facility_type  text CHECK (facility_type IN ('hospital', 'health_centre', 'health_station', 'clinic', 'other')),
            ownership      text CHECK (ownership IN ('public', 'private', 'unknown')),
            phone          text,
            beds           integer CHECK (beds >= 0)
        $columns$],
        ['cooperative', $columns$
            cooperative_type text NOT NULL DEFAULT 'cooperative' CHECK (cooperative_type IN ('cooperative', 'community_club')),
            products         text,
            member_count     integer CHECK (member_count >= 0)
        $columns$]
    ];
    place_table text;
BEGIN
    FOR i IN 1 .. array_length(layer_columns, 1) LOOP
        place_table := layer_columns[i][1];
        EXECUTE format('CREATE TABLE %I (%s %s, CONSTRAINT %I UNIQUE (source, source_key))',
                       place_table, shared_columns, layer_columns[i][2], place_table || '_source_key');
        EXECUTE format('CREATE INDEX %I ON %I USING gist (geom)', place_table || '_geom_idx', place_table);
        EXECUTE format('CREATE INDEX %I ON %I (commune_code)', place_table || '_commune_idx', place_table);
        EXECUTE format('CREATE INDEX %I ON %I (name_folded text_pattern_ops)', place_table || '_name_folded_idx', place_table);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION tag_commune()',
                       place_table || '_tag_commune', place_table);
    END LOOP;
END
$$;

-- Re-tags every place after the administrative units change (an import of new communes).
CREATE FUNCTION retag_communes() RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    place_table text;
    changed bigint := 0;
    n bigint;
BEGIN
    FOR place_table IN SELECT table_name FROM layer LOOP
        EXECUTE format('UPDATE %I SET commune_code = current_commune_at(geom)
                         WHERE commune_code IS DISTINCT FROM current_commune_at(geom)', place_table);
        GET DIAGNOSTICS n = ROW_COUNT;
        changed := changed + n;
    END LOOP;
    RETURN changed;
END
$$;

INSERT INTO layer (name, table_name, title_vi, title_en, description_vi, description_en, personal_data, sort_order) VALUES
    ('reports', 'report', 'Phản ánh hiện trường', 'Citizen reports',
     'Phản ánh của người dân kèm vị trí', 'Field reports sent by citizens, with their location', false, 10),
    ('cameras', 'camera', 'Camera giao thông', 'Traffic cameras',
     'Camera thông minh trên các tuyến đường', 'Smart cameras on the roads', false, 20),
    ('merchants', 'merchant', 'Điểm kinh doanh', 'Merchants',
     'Cửa hàng và điểm thanh toán không dùng tiền mặt', 'Shops and cashless payment points', false, 30),
    ('schools', 'school', 'Trường học', 'Schools',
     'Trường mầm non, tiểu học, trung học', 'Preschools, primary and secondary schools', false, 40),
    ('clinics', 'clinic', 'Cơ sở y tế', 'Health facilities',
     'Bệnh viện, trung tâm y tế, trạm y tế', 'Hospitals, health centres and commune health stations', false, 50),
    ('cooperatives', 'cooperative', 'Hợp tác xã và hội quán', 'Cooperatives and community clubs',
     'Hợp tác xã (HTX) và hội quán nông dân', 'Farm cooperatives (HTX) and community clubs (hội quán)', false, 60);
