package vn.langso.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.gis.db.DatabaseUrl;
import vn.langso.gis.db.SchemaMigrator;
import vn.langso.gis.imports.FeatureImporter;
import vn.langso.gis.imports.ImportOptions;
import vn.langso.gis.model.AdminLevel;

/**
 * The benchmark's own database: created fresh on the given server, migrated, filled with the communes and the
 * synthetic merchants, and dropped at the end unless kept.
 */
final class BenchDatabase {

    private static final Logger log = LoggerFactory.getLogger(BenchDatabase.class);

    static final String COMMUNES_FILE = "geo/post2025/dong_thap_2025_communes_102.geojson";

    /** Rows inserted per INSERT statement, so that the log shows progress on large loads. */
    private static final long LOAD_CHUNK = 250_000;

    /** Longitude and latitude extent of the current communes, in degrees. */
    record Extent(double west, double south, double east, double north) {

        double width() {
            return east - west;
        }

        double height() {
            return north - south;
        }
    }

    private final DatabaseUrl server;
    private final DatabaseUrl database;

    private BenchDatabase(DatabaseUrl server, DatabaseUrl database) {
        this.server = server;
        this.database = database;
    }

    /** Creates a database named langso_bench_&lt;time&gt; on the server, with PostGIS, and migrates it. */
    static BenchDatabase create(DatabaseUrl server) throws SQLException {
        String name = "langso_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        DatabaseUrl database = server.withDatabase(name);
        log.info("Creating database {} on {}", name, server);
        execute(server, "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        // CREATE EXTENSION needs a superuser, so it runs here and not in the migrations.
        execute(database, "CREATE EXTENSION IF NOT EXISTS postgis");
        SchemaMigrator.migrate(database);
        return new BenchDatabase(server, database);
    }

    DatabaseUrl url() {
        return database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /**
     * Imports the real communes when the shared data has them, else writes a 10 × 10 grid of square communes over
     * the province's approximate extent. Returns a description of what was loaded.
     */
    String loadCommunes(Path sharedData) throws SQLException {
        Path file = sharedData.resolve(COMMUNES_FILE);
        if (Files.isRegularFile(file)) {
            new FeatureImporter(database).importFiles(List.of(file),
                    ImportOptions.into("admin-units").withLevel(AdminLevel.COMMUNE));
            log.info("Imported the communes from {}", file);
            return "real communes from " + COMMUNES_FILE;
        }
        log.warn("{} is missing, so the communes are a generated 10 x 10 grid of squares over the province", file);
        // NOTE: approximate extent of Đồng Tháp after the 2025 merger, in degrees. The grid only spreads the points.
        execute(database, """
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source)
                SELECT format('B%s', lpad((row * 10 + col)::text, 3, '0')), format('Xã thử %s', row * 10 + col),
                       'commune', 'xa', '82', DATE '2025-07-01',
                       ST_Multi(ST_MakeEnvelope(105.2 + col * 0.16, 10.1 + row * 0.085,
                                                105.36 + col * 0.16, 10.185 + row * 0.085, 4326)),
                       'bench-generated'
                  FROM generate_series(0, 9) AS row, generate_series(0, 9) AS col""");
        return "generated 10 x 10 square communes (real data missing)";
    }

    /** Returns the extent of the current communes. */
    Extent communeExtent() throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                       FROM (SELECT ST_Extent(geom) AS e FROM admin_unit
                              WHERE level = 'commune' AND valid_to IS NULL) extent""")) {
            result.next();
            if (result.getObject(1) == null) {
                throw new IllegalStateException("No current commune was loaded, so the points have no extent");
            }
            return new Extent(result.getDouble(1), result.getDouble(2), result.getDouble(3), result.getDouble(4));
        }
    }

    /**
     * Inserts {@code points} merchants spread uniformly over the extent, in SQL. The commune trigger is disabled
     * during the load because it runs a point-in-polygon query per row. So commune_code stays NULL unless
     * {@code tagCommunes}, which sets it with one UPDATE. Ends with VACUUM ANALYZE so that the planner has
     * statistics and index-only scans can use the visibility map.
     */
    void loadMerchants(long points, long seed, Extent extent, boolean tagCommunes) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE merchant DISABLE TRIGGER USER");
                // setseed makes random() repeatable in this session, so one seed gives the same points.
                statement.execute("SELECT setseed(" + (((seed % 1000) + 1000) % 1000) / 1000.0 + ")");
            }
            String insert = """
                    INSERT INTO merchant (name, geom, address, source, source_key, category, phone, accepts_vietqr)
                    SELECT format('Cửa hàng thử %s', i),
                           ST_SetSRID(ST_MakePoint(? + random() * ?, ? + random() * ?), 4326),
                           format('Số %s, ấp %s', i % 500 + 1, i % 37 + 1),
                           'bench', i::text,
                           (ARRAY['grocery', 'cafe', 'pharmacy', 'market_stall', 'repair'])[i % 5 + 1],
                           format('0277%s', lpad((i % 1000000)::text, 6, '0')),
                           i % 3 = 0
                      FROM generate_series(?, ?) AS i""";
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (long first = 1; first <= points; first += LOAD_CHUNK) {
                    long last = Math.min(points, first + LOAD_CHUNK - 1);
                    statement.setDouble(1, extent.west());
                    statement.setDouble(2, extent.width());
                    statement.setDouble(3, extent.south());
                    statement.setDouble(4, extent.height());
                    statement.setLong(5, first);
                    statement.setLong(6, last);
                    statement.executeUpdate();
                    log.info("Inserted merchants {} to {} of {}", first, last, points);
                }
            }
            try (Statement statement = connection.createStatement()) {
                if (tagCommunes) {
                    log.info("Tagging the merchants with their communes (one UPDATE; minutes for 1M points)");
                    statement.execute("UPDATE merchant SET commune_code = current_commune_at(geom)");
                }
                statement.execute("ALTER TABLE merchant ENABLE TRIGGER USER");
                statement.execute("VACUUM ANALYZE merchant");
                statement.execute("ANALYZE admin_unit");
            }
        }
    }

    /** Drops the database, disconnecting any session left on it. */
    void drop() {
        try {
            execute(server, "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
            log.info("Dropped database {}", database.database());
        } catch (SQLException e) {
            log.error("Could not drop database {}; drop it by hand: {}", database.database(), e.getMessage());
        }
    }

    private static void execute(DatabaseUrl target, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
