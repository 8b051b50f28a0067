package vn.langso.gis.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.langso.gis.testing.TestDatabase;

/** Small query helpers for assertions against the test database. */
final class Sql {

    private Sql() {
    }

    static Object single(TestDatabase database, String sql, Object... parameters) {
        List<Object> values = column(database, sql, parameters);
        if (values.size() != 1) {
            throw new AssertionError("Expected one row from " + sql + " but got " + values.size());
        }
        return values.getFirst();
    }

    static long count(TestDatabase database, String sql, Object... parameters) {
        return ((Number) single(database, sql, parameters)).longValue();
    }

    static List<Object> column(TestDatabase database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError("Query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
