package vn.langso.backend.analyses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.web.Page;

/**
 * SQL of the analyses. Table and column names come from {@link OgcCollection} (checked catalog identifiers and fixed
 * property names), never from the request; values are bound.
 */
@Repository
class AnalysisRepository {

    /** Simplification of commune outlines for the choropleth, in degrees: about 50 m, invisible at commune scale. */
    static final double OUTLINE_TOLERANCE_DEGREES = 0.0005;

    /**
     * Degrees that span at least one metre anywhere in Vietnam (north of the equator and south of 24° N, one degree
     * of longitude is more than 100 km): a metric distance times this is a safe bounding-box pre-filter that lets the
     * geometry index work before the exact geodesic check.
     */
    private static final double DEGREES_PER_METRE_UPPER_BOUND = 1.0 / 100_000;

    private final DatabaseClient database;

    AnalysisRepository(DatabaseClient database) {
        this.database = database;
    }

    /** A current commune with its feature count, area and, when asked, its simplified outline as GeoJSON. */
    record CommuneCount(String code, String name, long featureCount, double areaKm2, String geometry) {
    }

    Flux<CommuneCount> communeCounts(OgcCollection layer, boolean withGeometry) {
        String geometry = withGeometry
                ? "ST_AsGeoJSON(ST_SimplifyPreserveTopology(c.geom, " + OUTLINE_TOLERANCE_DEGREES + "), 6)"
                : "NULL::text";
        String sql = "SELECT c.code, c.name, coalesce(n.feature_count, 0) AS feature_count,"
                + " ST_Area(c.geom::geography) / 1e6 AS area_km2, " + geometry + " AS geometry"
                + " FROM admin_unit c"
                + " LEFT JOIN (SELECT commune_code, count(*) AS feature_count FROM " + layer.table()
                + "   GROUP BY commune_code) n ON n.commune_code = c.code"
                + " WHERE c.level = 'commune' AND c.valid_to IS NULL"
                + " ORDER BY c.code";
        return database.sql(sql).map(row -> new CommuneCount(row.get("code", String.class), row.get("name", String.class),
                row.get("feature_count", Long.class), row.get("area_km2", Double.class), row.get("geometry", String.class)))
                .all();
    }

    /**
     * Counts of each attribute value per commune: commune code, then value (null for features without one). A list
     * property counts each of its values, so a growing area certified "VietGAP, GlobalGAP" counts once under VietGAP
     * and once under GlobalGAP, and one without certification under null.
     */
    Mono<Map<String, Map<String, Long>>> valueCounts(OgcCollection layer, CollectionProperty property) {
        String sql = property.isList()
                ? "SELECT t.commune_code, v.value, count(DISTINCT t." + layer.idColumn() + ") AS value_count"
                        + " FROM " + layer.table() + " t LEFT JOIN LATERAL"
                        + " unnest(string_to_array(NULLIF(t." + property.name() + ", ''), :separator)) AS v(value) ON true"
                        + " WHERE t.commune_code IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
                : "SELECT commune_code, " + property.name() + "::text AS value, count(*) AS value_count FROM "
                        + layer.table() + " WHERE commune_code IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2";
        DatabaseClient.GenericExecuteSpec spec = database.sql(sql);
        if (property.isList()) {
            spec = spec.bind("separator", property.listSeparator());
        }
        return spec
                .map(row -> List.of(row.get("commune_code", String.class), String.valueOf(row.get("value", String.class)),
                        String.valueOf(row.get("value_count", Long.class))))
                .all()
                .collect(LinkedHashMap::new, (counts, row) -> counts
                        .computeIfAbsent(row.get(0), code -> new LinkedHashMap<>())
                        .put(row.get(1), Long.parseLong(row.get(2))));
    }

    /** Counts of one commune: all features of the analysed layer, and those beyond the distance. */
    record CoverageCount(String communeCode, long featureCount, long beyondCount) {
    }

    /**
     * A feature beyond the distance, with the geodesic distance to the nearest target feature (null if none). The
     * position is the point itself, or a point inside a growing area.
     */
    record BeyondFeature(long id, String name, String communeCode, double longitude, double latitude,
                         Double nearestMetres) {
    }

    /** Counts, per commune, the features of {@code layer} and those farther than the distance from all of {@code target}. */
    Flux<CoverageCount> coverageCounts(OgcCollection layer, OgcCollection target, double distanceMetres,
                                       String communeCode) {
        String sql = "SELECT f.commune_code, count(*) AS feature_count,"
                + " count(*) FILTER (WHERE " + beyond(target) + ") AS beyond_count"
                + " FROM " + layer.table() + " f"
                + (communeCode == null ? "" : " WHERE f.commune_code = :commune_code")
                + " GROUP BY f.commune_code";
        return bindDistance(database.sql(sql), distanceMetres, communeCode)
                .map(row -> new CoverageCount(row.get("commune_code", String.class), row.get("feature_count", Long.class),
                        row.get("beyond_count", Long.class)))
                .all();
    }

    /** Counts the features of a layer. */
    Mono<Long> featureCount(OgcCollection layer) {
        return database.sql("SELECT count(*) AS feature_count FROM " + layer.table())
                .map(row -> row.get("feature_count", Long.class))
                .one();
    }

    /**
     * Lists one page of the features beyond the distance, ordered by id. The nearest distance is the
     * geodesic minimum over the three nearest target features by planar (degree) distance, which at Vietnam's
     * latitudes is the true nearest except in near-ties.
     */
    Flux<BeyondFeature> beyondFeatures(OgcCollection layer, OgcCollection target, double distanceMetres,
                                       String communeCode, Page page) {
        // Rounded to 7 decimals (about 1 cm), because a point inside an area carries the rounding noise of its
        // computation, such as 10.348600000000001.
        String sql = "SELECT f.id, f.name, f.commune_code, round(ST_X(ST_PointOnSurface(f.geom))::numeric, 7)::float8 AS lon,"
                + " round(ST_Y(ST_PointOnSurface(f.geom))::numeric, 7)::float8 AS lat,"
                + " (SELECT min(ST_Distance(f.geom::geography, k.geom::geography)) FROM"
                + "    (SELECT t.geom FROM " + target.table() + " t ORDER BY t.geom <-> f.geom LIMIT 3) k) AS nearest"
                + " FROM " + layer.table() + " f"
                + " WHERE " + beyond(target)
                + (communeCode == null ? "" : " AND f.commune_code = :commune_code")
                + " ORDER BY f.id LIMIT :limit OFFSET :offset";
        return bindDistance(database.sql(sql), distanceMetres, communeCode)
                .bind("limit", page.limit())
                .bind("offset", page.offset())
                .map(row -> new BeyondFeature(row.get("id", Long.class), row.get("name", String.class),
                        row.get("commune_code", String.class), row.get("lon", Double.class), row.get("lat", Double.class),
                        row.get("nearest", Double.class)))
                .all();
    }

    /** True for a row {@code f} with no target feature within the distance; the degree test lets the index work. */
    private static String beyond(OgcCollection target) {
        return "NOT EXISTS (SELECT 1 FROM " + target.table() + " t"
                + " WHERE ST_DWithin(t.geom, f.geom, :distance_degrees)"
                + " AND ST_DWithin(t.geom::geography, f.geom::geography, :distance_metres))";
    }

    private static DatabaseClient.GenericExecuteSpec bindDistance(DatabaseClient.GenericExecuteSpec spec,
                                                                  double distanceMetres, String communeCode) {
        spec = spec.bind("distance_degrees", distanceMetres * DEGREES_PER_METRE_UPPER_BOUND)
                .bind("distance_metres", distanceMetres);
        return communeCode == null ? spec : spec.bind("commune_code", communeCode);
    }

    /** Names of the current communes by code. */
    Mono<Map<String, String>> communeNames() {
        return database.sql("SELECT code, name FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL ORDER BY code")
                .map(row -> Map.entry(row.get("code", String.class), row.get("name", String.class)))
                .all()
                .collect(LinkedHashMap::new, (names, entry) -> names.put(entry.getKey(), entry.getValue()));
    }
}
