package vn.langso.gis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.gis.db.DatabaseUrl;
import vn.langso.gis.model.LayerTarget;

/**
 * The demo places the project ships (authored for the project, in {@code classpath:demo/}): schools, health
 * stations, merchants, cameras, cooperatives and citizen reports around Đồng Tháp, then growing areas and a pond of
 * the traceability pilot. Loads each layer only while it is empty, so that real data is never mixed with demo
 * data. The schema must be migrated.
 */
public final class DemoData {

    /** Value of the {@code source} column of every demo row. */
    public static final String SOURCE = "langso-demo";

    /** The name under which the growing areas are reported, that of their OGC collection. */
    static final String GROWING_AREAS = "growing-areas";

    /** Layer names and their resource files, in loading order. */
    static final List<String> LAYERS = List.of("schools", "clinics", "merchants", "cameras", "cooperatives", "reports");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * Result of loading one layer.
     *
     * @param loaded  number of demo features written (0 when skipped)
     * @param skipped true when the layer already had features and was left as it was
     */
    public record LayerResult(String layer, int loaded, boolean skipped) {
    }

    private DemoData() {
    }

    /** Loads the demo places into every empty layer and returns what was loaded or skipped, per layer. */
    public static List<LayerResult> load(DatabaseUrl database) {
        List<LayerResult> results = new ArrayList<>();
        FeatureImporter importer = new FeatureImporter(database);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("langso-demo");
            for (String layer : LAYERS) {
                if (!isEmpty(database, layer)) {
                    log.info("Demo data skipped for layer {}: it already has features", layer);
                    results.add(new LayerResult(layer, 0, true));
                    continue;
                }
                Path file = copyResource(layer, folder);
                ImportReport report = importer.importFiles(List.of(file), ImportOptions.into(layer).withSource(SOURCE));
                if (report.rejected() > 0) {
                    throw new IllegalStateException("Demo data for " + layer + " has rejected features: " + report.rejections());
                }
                log.info("Demo data loaded into layer {}: {} features", layer, report.imported() + report.updated());
                results.add(new LayerResult(layer, report.imported() + report.updated(), false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the demo data into a temporary folder: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
        results.add(loadGrowingAreas(database));
        return results;
    }

    /**
     * Loads the demo growing areas while the table is empty. They are polygons outside the layer catalog, so a SQL
     * resource inserts them, in one transaction.
     */
    private static LayerResult loadGrowingAreas(DatabaseUrl database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM growing_area")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    log.info("Demo data skipped for {}: the table already has areas", GROWING_AREAS);
                    return new LayerResult(GROWING_AREAS, 0, true);
                }
            }

            connection.setAutoCommit(false);
            int loaded = statement.executeUpdate(readResource("/demo/growing_areas.sql"));
            connection.commit();
            log.info("Demo data loaded into {}: {} areas", GROWING_AREAS, loaded);
            return new LayerResult(GROWING_AREAS, loaded, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the demo growing areas into " + database + " failed: " + e.getMessage(), e);
        }
    }

    private static String readResource(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo resource " + resource + " is missing from the gis-data jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the demo resource " + resource + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(DatabaseUrl database, String layer) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            LayerTarget target = LayerCatalog.load(connection, layer);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM \""
                         + target.tableName().replace("\"", "\"\"") + "\")")) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check layer " + layer + " in " + database + ": " + e.getMessage(), e);
        }
    }

    private static Path copyResource(String layer, Path folder) throws IOException {
        String resource = "/demo/" + layer + ".geojson";
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo resource " + resource + " is missing from the gis-data jar");
            }
            Path file = folder.resolve(layer + ".geojson");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.warn("Cannot delete the temporary demo folder {}: {}", folder, e.getMessage());
        }
    }
}
