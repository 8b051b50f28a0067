package vn.langso.backend.layers;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.Coordinates;
import vn.langso.backend.web.Page;

/**
 * Reads place features as GeoJSON Feature text built by PostgreSQL. Table names come only from the
 * layer catalog; every request value is a bound parameter.
 */
@Repository
class FeatureRepository {

    /** Appends the distance from lateral {@code d} to a Feature's properties. */
    private static final String DISTANCE_PROPERTY =
            "\n                    || jsonb_build_object('distance_m', round(d.distance_m::numeric, 1))";
    private static final String DISTANCE_JOIN = """
             CROSS JOIN LATERAL (SELECT ST_Distance(t.geom::geography,
                                     ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography) AS distance_m) d""";

    private final DatabaseClient database;

    FeatureRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Finds one page of the features matching the filter, by distance then id when a point is given, else by id. */
    Flux<String> find(LayerDefinition layer, FeatureFilter filter, Page page) {
        SqlStatement statement = conditions(filter);
        boolean byDistance = filter.near() != null;
        String sql = "SELECT " + featureJson(layer, byDistance)
                + " FROM " + SqlStatement.quoteIdentifier(layer.tableName()) + " t"
                + " " + FeatureSql.COMMUNE_NAME_JOIN
                + (byDistance ? " " + DISTANCE_JOIN : "")
                + statement.whereClause()
                + (byDistance ? " ORDER BY d.distance_m, t.id" : " ORDER BY t.id")
                + " LIMIT :limit OFFSET :offset";
        statement.bind("layer", layer.name()).bind("limit", page.limit()).bind("offset", page.offset());
        return statement.prepare(database, sql).map(row -> row.get("feature", String.class)).all();
    }

    /** Counts the features matching the filter. */
    Mono<Long> count(LayerDefinition layer, FeatureFilter filter) {
        SqlStatement statement = conditions(filter);
        String sql = "SELECT count(*) AS matched FROM " + SqlStatement.quoteIdentifier(layer.tableName()) + " t"
                + statement.whereClause();
        return statement.prepare(database, sql).map(row -> row.get("matched", Long.class)).one();
    }

    /**
     * Finds the {@code count} features nearest to a point by geodesic distance. The KNN operator {@code <->} on the
     * geometry index picks candidates in degrees; the exact geography distance then orders them.
     */
    // NOTE: a degree of longitude is shorter than a degree of latitude away from the equator, so the
    // candidate set is widened (3 × count + 20) to keep the geodesic order correct at Vietnam's latitudes.
    Flux<String> nearest(LayerDefinition layer, Coordinates point, int count) {
        String table = SqlStatement.quoteIdentifier(layer.tableName());
        String sql = "SELECT " + featureJson(layer, true)
                + " FROM (SELECT * FROM " + table
                + " ORDER BY geom <-> ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) LIMIT :candidates) t"
                + " " + FeatureSql.COMMUNE_NAME_JOIN
                + " " + DISTANCE_JOIN
                + " ORDER BY d.distance_m, t.id LIMIT :count";
        return database.sql(sql)
                .bind("layer", layer.name())
                .bind("lon", point.lon())
                .bind("lat", point.lat())
                .bind("candidates", count * 3 + 20)
                .bind("count", count)
                .map(row -> row.get("feature", String.class))
                .all();
    }

    /** Finds the feature with this id, or returns empty. */
    Mono<String> findById(LayerDefinition layer, long id) {
        String sql = "SELECT " + featureJson(layer, false)
                + " FROM " + SqlStatement.quoteIdentifier(layer.tableName()) + " t"
                + " " + FeatureSql.COMMUNE_NAME_JOIN
                + " WHERE t.id = :id";
        return database.sql(sql)
                .bind("layer", layer.name())
                .bind("id", id)
                .map(row -> row.get("feature", String.class))
                .one();
    }

    /** Counts the features of each layer, in the order given. */
    Mono<List<Long>> countAll(List<LayerDefinition> layers) {
        return Flux.fromIterable(layers)
                .concatMap(layer -> database.sql("SELECT count(*) AS features FROM "
                                + SqlStatement.quoteIdentifier(layer.tableName()))
                        .map(row -> row.get("features", Long.class))
                        .one())
                .collectList();
    }

    private static String featureJson(LayerDefinition layer, boolean withDistance) {
        return FeatureSql.feature(layer, withDistance ? DISTANCE_PROPERTY : "");
    }

    static SqlStatement conditions(FeatureFilter filter) {
        SqlStatement statement = new SqlStatement();
        if (filter.bbox() != null) {
            addBbox(statement, filter.bbox());
        }
        if (filter.communeCode() != null) {
            statement.where("t.commune_code = :commune").bind("commune", filter.communeCode());
        }
        if (filter.text() != null) {
            statement.where("strpos(t.name_folded, fold_vietnamese(:text)) > 0").bind("text", filter.text());
        }
        if (filter.near() != null) {
            addProximity(statement, filter.near());
        }
        return statement;
    }

    private static void addBbox(SqlStatement statement, Bbox bbox) {
        statement.bind("west", bbox.west()).bind("south", bbox.south())
                .bind("east", bbox.east()).bind("north", bbox.north());
        if (bbox.crossesAntimeridian()) {
            statement.where("(t.geom && ST_MakeEnvelope(:west, :south, 180, :north, 4326)"
                    + " OR t.geom && ST_MakeEnvelope(-180, :south, :east, :north, 4326))");
        } else {
            statement.where("t.geom && ST_MakeEnvelope(:west, :south, :east, :north, 4326)");
        }
    }

    /**
     * Adds a geodesic radius test, preceded by a degree-based test that the spatial index can serve. The degree
     * margin is the radius in degrees of latitude, widened for the shorter degrees of longitude at the
     * circle's most poleward latitude.
     */
    private static void addProximity(SqlStatement statement, FeatureFilter.Proximity near) {
        double radiusDegrees = near.radiusMetres() / 110_000.0;
        double poleward = Math.min(89.0, Math.abs(near.centre().lat()) + radiusDegrees);
        double marginDegrees = Math.min(360.0, radiusDegrees / Math.max(Math.cos(Math.toRadians(poleward)), 0.01));
        statement.where("ST_DWithin(t.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :margin)")
                .where("ST_DWithin(t.geom::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :radius)")
                .bind("lon", near.centre().lon())
                .bind("lat", near.centre().lat())
                .bind("margin", marginDegrees)
                .bind("radius", near.radiusMetres());
    }
}
