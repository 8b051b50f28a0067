package vn.langso.ui.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.imports.DemoData;
import vn.langso.gis.testing.SharedData;
import vn.langso.gis.testing.TestDatabase;

/**
 * Fills a test database for the map. Communes are the real 2025 ones from the shared test data when present, else
 * three square stand-ins. Places are the project's demo data plus two clinics close enough to form a cluster.
 */
public final class MapTestData {

    public static final String COMMUNES_FILE = "geo/post2025/dong_thap_2025_communes_102.geojson";
    /** Name of a commune present in both the real data and the stand-ins. */
    public static final String SEARCHABLE_COMMUNE = "Mỹ Trà";
    /** Layer that contains the two clinics about 800 m apart, which are drawn as one cluster at the province view. */
    public static final String CLUSTERED_LAYER = "clinics";

    private static final Logger log = LoggerFactory.getLogger(MapTestData.class);
    private static final String INSERT_COMMUNE = """
            INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, properties, source)
            VALUES (?, ?, 'commune', ?, '82', DATE '2025-07-01',
                    ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), ?::jsonb, 'ui-test')
            """;

    /**
     * What was loaded.
     *
     * @param realCommunes true when the real communes were loaded, false for the stand-ins
     */
    public record Loaded(boolean realCommunes, String description) {
    }

    private MapTestData() {
    }

    /**
     * Loads the demo places, the communes and the cluster fixture, then tags every place with its commune. The
     * demo places come first because the importer rejects places outside the current communes, and the stand-in
     * communes cover only part of the province.
     */
    public static Loaded load(TestDatabase database) throws SQLException, IOException {
        List<DemoData.LayerResult> demo = DemoData.load(database.url());

        boolean realCommunes;
        String communeDescription;
        try (Connection connection = database.connect()) {
            Optional<Path> communes = SharedData.directory().map(directory -> directory.resolve(COMMUNES_FILE))
                    .filter(Files::isRegularFile);
            realCommunes = communes.isPresent();
            if (realCommunes) {
                communeDescription = loadCommunes(connection, communes.get()) + " real communes";
            } else {
                log.warn("Shared test data {} not found; the map test uses three stand-in communes", COMMUNES_FILE);
                communeDescription = insertStandInCommunes(connection) + " stand-in communes";
            }
        }

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            insertClusterFixture(statement);
            statement.execute("SELECT retag_communes()");
        }
        return new Loaded(realCommunes, communeDescription + ", demo data " + demo + ", 2 clustered clinics");
    }

    private static int loadCommunes(Connection connection, Path file) throws SQLException, IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode collection = json.readTree(Files.readString(file));
        int count = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_COMMUNE)) {
            for (JsonNode feature : collection.path("features")) {
                JsonNode properties = feature.path("properties");
                insert.setString(1, properties.path("ma_xa").asString());
                insert.setString(2, properties.path("ten_xa").asString());
                insert.setString(3, properties.path("loai").asString());
                insert.setString(4, json.writeValueAsString(feature.path("geometry")));
                insert.setString(5, json.writeValueAsString(properties));
                insert.addBatch();
                count++;
            }
            insert.executeBatch();
        }
        return count;
    }

    private static int insertStandInCommunes(Connection connection) throws SQLException {
        String[][] communes = {
                {"29888", SEARCHABLE_COMMUNE, "Phường", square(105.62, 10.44, 0.07)},
                {"28627", "Tân Thuận Bình", "Xã", square(106.43, 10.38, 0.05)},
                {"28249", "Đạo Thạnh", "Phường", square(106.33, 10.36, 0.05)},
        };
        try (PreparedStatement insert = connection.prepareStatement(INSERT_COMMUNE)) {
            for (String[] commune : communes) {
                insert.setString(1, commune[0]);
                insert.setString(2, commune[1]);
                insert.setString(3, commune[2]);
                insert.setString(4, commune[3]);
                insert.setString(5, "{}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return communes.length;
    }

    private static void insertClusterFixture(Statement statement) throws SQLException {
        statement.executeUpdate("""
                INSERT INTO clinic (name, geom, address, facility_type, ownership, beds, properties, source, source_key)
                VALUES ('Phòng khám Đa khoa Hòa An', ST_SetSRID(ST_MakePoint(105.6654, 10.4790), 4326),
                        'Phường Mỹ Trà', 'clinic', 'private', NULL, '{"opening_hours": "07:00-17:00"}', 'ui-test', 'cluster-1'),
                       ('Phòng khám Nhi Mỹ Trà', ST_SetSRID(ST_MakePoint(105.6700, 10.4850), 4326),
                        'Phường Mỹ Trà', 'clinic', 'private', 3, '{}', 'ui-test', 'cluster-2')
                """);
    }

    private static String square(double west, double south, double size) {
        double east = west + size;
        double north = south + size;
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(
                west, south, east, south, east, north, west, north, west, south);
    }
}
