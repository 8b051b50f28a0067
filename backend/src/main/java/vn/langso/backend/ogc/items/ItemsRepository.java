package vn.langso.backend.ogc.items;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.sql.Utf8Text;

/**
 * Reads the features of an OGC collection as GeoJSON Feature text built by PostGIS. Table, column and CRS
 * fragments come from {@link OgcCollection} and {@link SupportedCrs} only; every request value is bound.
 */
@Repository
class ItemsRepository {

    private final DatabaseClient database;

    ItemsRepository(DatabaseClient database) {
        this.database = database;
    }

    /** One page of features: the Feature texts joined by commas, how many they are, and how many match in all. */
    record ItemsPage(Utf8Text joinedFeatures, int returned, long matched) {
    }

    /**
     * Finds one page of the matching features, ordered by feature id so that pages are stable, and counts every
     * match. One statement does both and PostgreSQL joins the page into one text value, so the backend makes one
     * round trip and receives one row however long the page is.
     */
    Mono<ItemsPage> findPage(OgcCollection collection, ItemQuery query) {
        SqlStatement statement = conditions(collection, query);
        String from = " FROM " + collection.table() + " t" + statement.whereClause();
        String page = "SELECT t." + collection.idColumn() + " AS id, " + featureJson(collection, query.crs()) + from
                + " ORDER BY t." + collection.idColumn() + " LIMIT :limit OFFSET :offset";
        String sql = "SELECT (SELECT count(*)" + from + ") AS matched, count(*) AS returned,"
                + " COALESCE(string_agg(p.feature, ',' ORDER BY p.id), '') AS features FROM (" + page + ") p";
        statement.bind("limit", query.page().limit()).bind("offset", query.page().offset());
        return statement.prepare(database, sql)
                .map(row -> new ItemsPage(row.get("features", Utf8Text.class),
                        Math.toIntExact(row.get("returned", Long.class)), row.get("matched", Long.class)))
                .one();
    }

    /** Finds the feature with this id, or returns empty. */
    Mono<String> findById(OgcCollection collection, Object id, SupportedCrs crs) {
        SqlStatement statement = new SqlStatement();
        if (collection.baseCondition() != null) {
            statement.where(collection.baseCondition());
        }
        statement.where("t." + collection.idColumn() + " = :feature_id").bind("feature_id", id);
        String sql = "SELECT " + featureJson(collection, crs) + " FROM " + collection.table() + " t"
                + statement.whereClause();
        return statement.prepare(database, sql).map(row -> row.get("feature", String.class)).one();
    }

    private static String featureJson(OgcCollection collection, SupportedCrs crs) {
        String properties = collection.properties().stream()
                .map(property -> "'" + property.name() + "', t." + property.name())
                .collect(Collectors.joining(", "));
        return "jsonb_build_object('type', 'Feature', 'id', t." + collection.idColumn()
                + ", 'geometry', ST_AsGeoJSON(" + crs.outputGeometry("t.geom") + ", " + crs.coordinateDecimals()
                + ", 0)::jsonb, 'properties', jsonb_build_object(" + properties + "))::text AS feature";
    }

    private static SqlStatement conditions(OgcCollection collection, ItemQuery query) {
        SqlStatement statement = new SqlStatement();
        if (collection.baseCondition() != null) {
            statement.where(collection.baseCondition());
        }
        if (query.bbox() != null) {
            query.bbox().addTo(statement, "t.geom");
        }
        if (query.datetime() != null) {
            addDatetime(statement, collection.temporal(), query.datetime());
        }
        int index = 0;
        for (Map.Entry<CollectionProperty, Object> filter : query.propertyEquals().entrySet()) {
            String parameter = "property_" + index++;
            statement.where("t." + filter.getKey().name() + " = :" + parameter).bind(parameter, filter.getValue());
        }
        if (query.filter() != null) {
            query.filter().addTo(statement, collection);
        }
        return statement;
    }

    /**
     * Adds the datetime condition: an instant column must lie in [start, end); a validity period [from, to) must
     * intersect it.
     */
    private static void addDatetime(SqlStatement statement, OgcCollection.Temporal temporal, DateTimeInterval interval) {
        if (interval.start() != null) {
            statement.bind("datetime_start", interval.start().atOffset(ZoneOffset.UTC));
            statement.where(temporal.isPeriod()
                    ? "(t." + temporal.end() + " IS NULL OR " + temporal.endSql() + " > :datetime_start)"
                    : temporal.startSql() + " >= :datetime_start");
        }
        if (interval.end() != null) {
            statement.bind("datetime_end", interval.end().atOffset(ZoneOffset.UTC));
            statement.where(temporal.startSql() + " < :datetime_end");
        }
    }
}
