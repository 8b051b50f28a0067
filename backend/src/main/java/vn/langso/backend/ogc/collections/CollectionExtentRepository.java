package vn.langso.backend.ogc.collections;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Computes collection extents in PostGIS: the features' bounding box, the span of their temporal property and their
 * number, which the same pass counts. The exact extent needs a pass over the whole table (about 150 ms for a million
 * points), and GIS clients ask for the collections on every connection, so each extent is kept for
 * {@code langso.ogc.extent-max-age} (default 60 s).
 */
@Repository
class CollectionExtentRepository {

    /**
     * The province's box when neither the collection nor the current communes have any geometry yet (an empty
     * database): the extent of the 102 communes of Đồng Tháp from 1 July 2025 (105.187..106.808 E,
     * 10.135..10.973 N), rounded outwards to 0.1 degree.
     */
    static final double[] PROVINCE_DEFAULT_BBOX = {105.1, 10.1, 106.9, 11.0};

    /** SQL that writes an instant in UTC, truncated to the second, so the extent starts at or before it. */
    private static final String UTC_TEXT = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

    /**
     * SQL that writes an instant in UTC, rounded up to the second because timestamptz keeps microseconds. The extent
     * then ends at or after its last feature, and the extent sent back as {@code datetime} selects every feature.
     */
    private static final String UTC_TEXT_UP =
            UTC_TEXT.formatted("date_trunc('second', %s + interval '999999 microseconds')");

    private final DatabaseClient database;
    private final Duration maxAge;
    private final Map<String, Mono<CollectionExtent>> cached = new ConcurrentHashMap<>();

    CollectionExtentRepository(DatabaseClient database,
                               @Value("${langso.ogc.extent-max-age:60s}") Duration maxAge) {
        this.database = database;
        this.maxAge = maxAge;
    }

    /** Returns the extent, computed at most {@code maxAge} ago; a failed computation is not kept. */
    Mono<CollectionExtent> extent(OgcCollection collection) {
        return cached.computeIfAbsent(collection.id(), id -> compute(collection)
                .cache(extent -> maxAge, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    private Mono<CollectionExtent> compute(OgcCollection collection) {
        OgcCollection.Temporal temporal = collection.temporal();
        String start = "min(" + temporal.startSql() + ")";
        String end = temporal.isPeriod()
                ? "CASE WHEN bool_or(t." + temporal.end() + " IS NULL) THEN NULL ELSE max(" + temporal.endSql() + ") END"
                : "max(" + temporal.startSql() + ")";
        String sql = "SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north,"
                + " start_text, end_text, feature_count FROM ("
                + "SELECT COALESCE(ST_Extent(t.geom), (SELECT ST_Extent(geom) FROM admin_unit"
                + " WHERE level = 'commune' AND valid_to IS NULL))::geometry AS e, "
                + UTC_TEXT.formatted(start) + " AS start_text, " + UTC_TEXT_UP.formatted(end) + " AS end_text,"
                + " count(*) AS feature_count"
                + " FROM " + collection.table() + " t"
                + (collection.baseCondition() == null ? "" : " WHERE " + collection.baseCondition())
                + ") extent";
        return database.sql(sql)
                .map(row -> {
                    Double west = row.get("west", Double.class);
                    double[] bbox = west == null ? PROVINCE_DEFAULT_BBOX.clone() : new double[] {west,
                            row.get("south", Double.class), row.get("east", Double.class), row.get("north", Double.class)};
                    return new CollectionExtent(bbox, row.get("start_text", String.class), row.get("end_text", String.class),
                            row.get("feature_count", Long.class));
                })
                .one();
    }
}
