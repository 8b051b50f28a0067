package vn.langso.gis.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import vn.langso.gis.model.LayerTarget;

/**
 * Upserts places into a layer table keyed by (source, source_key). Only the typed columns a feature has
 * are written, so that columns with defaults keep them; one statement is prepared per set of columns.
 * The table's trigger sets the commune.
 */
final class PlaceWriter implements FeatureWriter {

    private final Connection connection;
    private final LayerTarget layer;
    private final String source;
    private final Map<List<String>, PreparedStatement> statements = new HashMap<>();
    private final WKBWriter wkbWriter = new WKBWriter(2);

    PlaceWriter(Connection connection, LayerTarget layer, String source) {
        this.connection = connection;
        this.layer = layer;
        this.source = source;
    }

    @Override
    public Outcome write(PendingFeature feature, Geometry wgs84) throws SQLException {
        PlaceMapper.PlaceRow place = feature.place();
        List<String> typedColumns = new ArrayList<>(place.typedValues().keySet());
        PreparedStatement upsert = statements.get(typedColumns);
        if (upsert == null) {
            upsert = connection.prepareStatement(upsertSql(typedColumns));
            statements.put(typedColumns, upsert);
        }

        int index = 1;
        upsert.setString(index++, place.name());
        upsert.setBytes(index++, wkbWriter.write(wgs84));
        upsert.setString(index++, place.address());
        upsert.setString(index++, PropertyValues.toJson(place.otherProperties()));
        upsert.setString(index++, source);
        upsert.setString(index++, feature.key());
        for (String column : typedColumns) {
            upsert.setObject(index++, place.typedValues().get(column));
        }
        try (ResultSet result = upsert.executeQuery()) {
            result.next();
            return result.getBoolean(1) ? Outcome.INSERTED : Outcome.UPDATED;
        }
    }

    /** Column names come only from information_schema for a table of the layer catalog, and are quoted. */
    private String upsertSql(List<String> typedColumns) {
        StringBuilder columns = new StringBuilder("name, geom, address, properties, source, source_key");
        StringBuilder values = new StringBuilder("?, ST_GeomFromWKB(?, 4326), ?, ?::jsonb, ?, ?");
        StringBuilder updates = new StringBuilder(
                "name = EXCLUDED.name, geom = EXCLUDED.geom, address = EXCLUDED.address, properties = EXCLUDED.properties");
        for (String column : typedColumns) {
            String quoted = quote(column);
            columns.append(", ").append(quoted);
            values.append(", ?");
            updates.append(", ").append(quoted).append(" = EXCLUDED.").append(quoted);
        }
        return "INSERT INTO " + quote(layer.tableName()) + " (" + columns + ") VALUES (" + values + ")"
                + " ON CONFLICT (source, source_key) DO UPDATE SET " + updates
                + " RETURNING (xmax = 0) AS inserted";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
    }
}
