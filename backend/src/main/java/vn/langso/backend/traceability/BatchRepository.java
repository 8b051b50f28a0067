package vn.langso.backend.traceability;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Reads a product batch (GTIN + lot) from the captured events: its journey as a GeoJSON LineString in time order,
 * and for the consumer page its product, growing areas and certifications. Built as JSON in PostgreSQL.
 */
@Repository
class BatchRepository {

    /** Events of the batch with their place; an event without a located read point uses its business location. */
    private static final String STOPS = """
            WITH stops AS (
                SELECT e.id, e.event_id, e.event_type, e.biz_step, e.disposition, e.event_time,
                       e.content ->> 'eventTime' AS event_time_text, e.read_point, e.biz_location,
                       COALESCE(e.geom, e.biz_geom) AS geom, e.commune_code,
                       e.content -> 'certificationInfo' AS certification,
                       COALESCE(rp.name, ga.name, bl.name) AS place_name
                  FROM epcis_event e
                  LEFT JOIN trace_location rp ON rp.location_id = e.read_point
                  LEFT JOIN growing_area ga ON ga.location_id = e.read_point
                  LEFT JOIN trace_location bl ON bl.location_id = e.biz_location
                 WHERE EXISTS (SELECT 1 FROM epcis_event_epc i
                                WHERE i.event_pk = e.id AND i.gtin = :gtin AND i.lot = :lot)
            )""";

    private static final String JOURNEY = """
            json_build_object(
                'type', 'Feature',
                'geometry', (SELECT CASE WHEN count(geom) >= 2
                                         THEN ST_AsGeoJSON(ST_MakeLine(geom ORDER BY event_time, id), 6)::json END
                               FROM stops),
                'properties', json_build_object(
                    'gtin', CAST(:gtin AS text),
                    'lot', CAST(:lot AS text),
                    'times', (SELECT json_agg(event_time_text ORDER BY event_time, id) FROM stops WHERE geom IS NOT NULL),
                    'stops', (SELECT json_agg(json_build_object(
                                  'eventId', event_id, 'type', event_type, 'bizStep', biz_step,
                                  'disposition', disposition, 'time', event_time_text, 'readPoint', read_point,
                                  'bizLocation', biz_location, 'place', place_name, 'communeCode', commune_code,
                                  'lon', round(ST_X(geom)::numeric, 6), 'lat', round(ST_Y(geom)::numeric, 6))
                                  ORDER BY event_time, id) FROM stops)))""";

    private final DatabaseClient database;

    BatchRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Returns the journey Feature as JSON text, or empty when no event names the batch. */
    Mono<String> journey(String gtin, String lot) {
        return database.sql(STOPS + " SELECT (SELECT count(*) FROM stops) AS stop_count, " + JOURNEY + "::text AS journey")
                .bind("gtin", gtin)
                .bind("lot", lot)
                .map(row -> row.get("stop_count", Long.class) == 0 ? "" : row.get("journey", String.class))
                .one()
                .filter(json -> !json.isEmpty());
    }

    /** Returns the consumer summary of the batch as JSON text, or empty when no event names the batch. */
    Mono<String> summary(String gtin, String lot) {
        String sql = STOPS + """
                , areas AS (
                    SELECT g.* FROM growing_area g
                     WHERE g.location_id IN (SELECT read_point FROM stops UNION SELECT biz_location FROM stops)
                )
                SELECT (SELECT count(*) FROM stops) AS stop_count, json_build_object(
                    'gtin', CAST(:gtin AS text),
                    'lot', CAST(:lot AS text),
                    'product', (SELECT json_build_object('gtin', p.gtin, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                                                         'descriptionVi', p.description_vi, 'descriptionEn', p.description_en)
                                  FROM trace_product p WHERE p.gtin = :gtin),
                    'growingAreas', json_build_object('type', 'FeatureCollection', 'features', COALESCE(
                        (SELECT json_agg(json_build_object(
                             'type', 'Feature', 'id', a.id, 'geometry', ST_AsGeoJSON(a.geom, 6)::json,
                             'properties', json_build_object('locationId', a.location_id, 'areaCode', a.area_code,
                                 'name', a.name, 'kind', a.area_kind, 'products', a.products,
                                 'certifications', a.certifications, 'communeCode', a.commune_code)) ORDER BY a.id)
                           FROM areas a), '[]'::json)),
                    'certifications', COALESCE((SELECT json_agg(DISTINCT certificate ORDER BY certificate) FROM (
                        SELECT jsonb_array_elements_text(CASE jsonb_typeof(certification)
                                   WHEN 'array' THEN certification ELSE jsonb_build_array(certification) END) AS certificate
                          FROM stops WHERE certification IS NOT NULL
                        UNION
                        SELECT unnest(a.certifications) FROM areas a) certificates), '[]'::json),
                    'journey', """ + JOURNEY + ")::text AS summary";
        return database.sql(sql)
                .bind("gtin", gtin)
                .bind("lot", lot)
                .map(row -> row.get("stop_count", Long.class) == 0 ? "" : row.get("summary", String.class))
                .one()
                .filter(json -> !json.isEmpty());
    }
}
