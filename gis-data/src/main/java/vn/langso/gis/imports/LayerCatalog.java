package vn.langso.gis.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.langso.gis.model.LayerTarget;

/** Reads place layers from the {@code layer} catalog and their typed columns from information_schema. */
final class LayerCatalog {

    /** Columns every place table has; the importer fills them itself or the database does. */
    static final Set<String> SHARED_COLUMNS = Set.of("id", "name", "name_folded", "geom", "commune_code", "address",
            "properties", "source", "source_key", "created_at", "updated_at");

    private LayerCatalog() {
    }

    /**
     * Returns the layer with this catalog name.
     *
     * @throws IllegalArgumentException naming the known layers when there is no such layer
     */
    static LayerTarget load(Connection connection, String layerName) throws SQLException {
        String tableName;
        String geometryType;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name, geometry_type FROM layer WHERE name = ?")) {
            statement.setString(1, layerName);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("Unknown layer '" + layerName + "'; expected "
                            + LayerTarget.ADMIN_UNITS + " or one of " + layerNames(connection));
                }
                tableName = rows.getString(1);
                geometryType = rows.getString(2);
            }
        }

        Map<String, String> typedColumns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT column_name, data_type FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ?
                 ORDER BY ordinal_position""")) {
            statement.setString(1, tableName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!SHARED_COLUMNS.contains(rows.getString(1))) {
                        typedColumns.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        }
        return new LayerTarget(layerName, tableName, geometryType, typedColumns);
    }

    static List<String> layerNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM layer ORDER BY sort_order, name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
