-- The columns of growing areas and ponds that the public readers serve (OGC API items, vector tiles, analyses),
-- as a view so that a column added to growing_area later stays private until it is listed here. The certifications
-- become one text value, "VietGAP, GlobalGAP": MVT attributes, CSV cells and CQL2 comparisons take no arrays.
-- The jsonb properties are left out because their keys are not reviewed. PostgreSQL inlines the view, so a
-- bounding-box condition on geom still uses growing_area_geom_idx.
CREATE VIEW growing_area_public AS
SELECT id, location_id, area_code, name, area_kind, products,
       array_to_string(certifications, ', ') AS certifications,
       commune_code, updated_at, geom
  FROM growing_area;

CREATE INDEX growing_area_commune_idx ON growing_area (commune_code);
