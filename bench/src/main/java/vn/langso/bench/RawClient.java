package vn.langso.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** One JDBC connection of a raw-SQL client, with its prepared statements kept for reuse like the backend's. */
final class RawClient implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    RawClient(Connection connection) {
        this.connection = connection;
    }

    /** Returns the prepared statement of this SQL, preparing it on first use. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
