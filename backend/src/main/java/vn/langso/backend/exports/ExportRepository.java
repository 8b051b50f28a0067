package vn.langso.backend.exports;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.layers.FeatureFilter;
import vn.langso.backend.layers.FeatureSql;
import vn.langso.backend.layers.LayerDefinition;
import vn.langso.backend.layers.PublicColumns;
import vn.langso.backend.sql.SqlStatement;

/**
 * Streams the places of a layer for exports, ordered by id. Rows are fetched through a cursor
 * ({@link #FETCH_SIZE} at a time) and only as fast as the subscriber requests them, so an export never
 * keeps a whole layer in memory. Table and column names come only from the layer catalog and the table's schema.
 *
 * <p>Every query runs on its own connection, outside the pool, which is closed when the query ends. With
 * r2dbc-postgresql 1.1.1 and r2dbc-pool 1.0.2, cancelling a streaming query (a client that stops a
 * download) left its pooled connection stuck, and after a few such cancellations every request of the
 * application waited for a connection. Closing an unpooled connection instead ends the query on the server.
 */
// NOTE: each running export opens one PostgreSQL connection beyond the pool's maximum. ExportHandler lets at
// most langso.exports.max-concurrent exports run at once, so that the pool and the exports together stay below the
// server's max_connections.
@Repository
class ExportRepository {

    /** Rows per round trip of the cursor; large enough to amortise round trips, small enough to stay in memory. */
    static final int FETCH_SIZE = 500;

    private final DatabaseClient database;

    ExportRepository(ConnectionFactory connectionFactory) {
        this.database = DatabaseClient.create(unpooled(connectionFactory));
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof ConnectionPool pool) {
            current = pool.unwrap();
        }
        return current;
    }

    /**
     * Finds the served columns that an export writes beside id, name, commune and address: the layer's own
     * columns of {@link PublicColumns} and {@code updated_at}, in table order, with their SQL types.
     */
    Mono<List<LayerColumn>> columns(LayerDefinition layer) {
        return database.sql("""
                        SELECT column_name::text AS column_name, data_type::text AS data_type
                          FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = :table
                         ORDER BY ordinal_position""")
                .bind("table", layer.tableName())
                .map(row -> new LayerColumn(row.get("column_name", String.class), row.get("data_type", String.class)))
                .all()
                .filter(column -> servedBeyondShared(layer).contains(column.name()))
                .collectList();
    }

    private static Set<String> servedBeyondShared(LayerDefinition layer) {
        Set<String> names = new HashSet<>();
        names.add("updated_at");
        PublicColumns.own(layer).forEach(column -> names.add(column.name()));
        return names;
    }

    /** Streams the matching places as GeoJSON Feature text. */
    Flux<String> features(LayerDefinition layer, FeatureFilter filter) {
        SqlStatement statement = filter.sqlConditions();
        String sql = "SELECT " + FeatureSql.feature(layer, "")
                + " FROM " + SqlStatement.quoteIdentifier(layer.tableName()) + " t"
                + " " + FeatureSql.COMMUNE_NAME_JOIN
                + statement.whereClause()
                + " ORDER BY t.id";
        statement.bind("layer", layer.name());
        return statement.prepare(database, sql)
                .filter(query -> query.fetchSize(FETCH_SIZE))
                .map(row -> row.get("feature", String.class))
                .all();
    }

    /** Streams the matching places as rows with the given typed columns. */
    Flux<ExportRow> rows(LayerDefinition layer, List<LayerColumn> columns, FeatureFilter filter) {
        SqlStatement statement = filter.sqlConditions();
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            // JSON text gives one stable form per type: ISO 8601 timestamps, true/false, plain numbers.
            typed.append(", to_jsonb(t.").append(SqlStatement.quoteIdentifier(columns.get(i).name()))
                    .append(") #>> '{}' AS typed_").append(i);
        }
        String sql = "SELECT t.id, t.name, t.commune_code, c.name AS commune_name, t.address,"
                + " ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, ST_AsText(t.geom) AS wkt,"
                + " t.properties::text AS attributes" + typed
                + " FROM " + SqlStatement.quoteIdentifier(layer.tableName()) + " t"
                + " " + FeatureSql.COMMUNE_NAME_JOIN
                + statement.whereClause()
                + " ORDER BY t.id";
        return statement.prepare(database, sql)
                .filter(query -> query.fetchSize(FETCH_SIZE))
                .map(row -> {
                    List<String> values = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(row.get("typed_" + i, String.class));
                    }
                    return new ExportRow(row.get("id", Long.class), row.get("name", String.class),
                            row.get("commune_code", String.class), row.get("commune_name", String.class),
                            row.get("address", String.class), values, row.get("lon", Double.class),
                            row.get("lat", Double.class), row.get("wkt", String.class),
                            row.get("attributes", String.class));
                })
                .all();
    }
}
