package vn.langso.gis.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import vn.langso.gis.db.DatabaseUrl;
import vn.langso.gis.db.SchemaMigrator;

/**
 * A fresh PostGIS database for one test class, created on the server that {@code LANGSO_TEST_DATABASE_URL}
 * names (a superuser connection, as {@code ./langso test} provides), migrated, and dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String SERVER_VARIABLE = "LANGSO_TEST_DATABASE_URL";

    private final DatabaseUrl server;
    private final DatabaseUrl database;

    private TestDatabase(DatabaseUrl server, DatabaseUrl database) {
        this.server = server;
        this.database = database;
    }

    /** Creates an empty database with PostGIS and the current schema. */
    public static TestDatabase createMigrated() {
        TestDatabase testDatabase = createEmpty();
        SchemaMigrator.migrate(testDatabase.url());
        return testDatabase;
    }

    /** Creates an empty database with PostGIS installed and no schema. */
    public static TestDatabase createEmpty() {
        DatabaseUrl server = serverUrl();
        String name = "langso_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(server, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        DatabaseUrl database = server.withDatabase(name);
        execute(database, "CREATE EXTENSION IF NOT EXISTS postgis");
        return new TestDatabase(server, database);
    }

    /** Returns the server named by {@value #SERVER_VARIABLE}, or fails with the way to provide one when it is unset. */
    public static DatabaseUrl serverUrl() {
        String value = System.getenv(SERVER_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(SERVER_VARIABLE + " is not set. Run the tests with ./langso test, which starts "
                    + "a private PostGIS server, or set it to a superuser connection such as "
                    + "postgresql://postgres@127.0.0.1:5432/postgres on a server with PostGIS installed.");
        }
        return DatabaseUrl.parse(value);
    }

    public DatabaseUrl url() {
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    @Override
    public void close() {
        execute(server, "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
    }

    private static void execute(DatabaseUrl target, String sql) {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed on " + target + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
