-- The columns of growing areas and ponds that the public readers serve (OGC API items, vector tiles, analyses),
-- as a view so that a column added to growing_area later stays private until it is listed here. The certifications
-- become one text value, "VietGAP, GlobalGAP", or NULL when there are none: MVT attributes, CSV cells and CQL2
-- comparisons take no arrays, and NULL lets "certifications IS NULL" find the areas without any.
-- The jsonb properties are left out because their keys are not reviewed. PostgreSQL inlines the view, so a
-- bounding-box condition on geom still uses growing_area_geom_idx.
CREATE VIEW growing_area_public AS
SELECT id, location_id, area_code, name, area_kind, products,
       NULLIF(array_to_string(certifications, ', '), '') AS certifications,
       commune_code, updated_at, geom
  FROM growing_area;

CREATE INDEX growing_area_commune_idx ON growing_area (commune_code);

-- Retagging after the communes change now covers the growing areas too: they are outside the catalog of point
-- layers, and each is tagged with the commune at a point inside it, as its trigger does.
CREATE OR REPLACE FUNCTION retag_communes() RETURNS bigint
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
    UPDATE growing_area SET commune_code = current_commune_at(ST_PointOnSurface(geom))
     WHERE commune_code IS DISTINCT FROM current_commune_at(ST_PointOnSurface(geom));
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN changed + n;
END
$$;
