package vn.langso.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langso.gis.testing.TestDatabase;

/** Reads tiles built by real PostGIS ST_AsMVT, in a fresh database on the server of LANGSO_TEST_DATABASE_URL. */
class MvtFeaturesTest {

    private static TestDatabase database;

    /** Three points with Vietnamese names and one NULL attribute, as ST_AsMVT input ordered by {@code %s}. */
    private static final String TILE_SQL = """
            SELECT ST_AsMVT(tile, 'merchants', 4096, 'geom', 'id') FROM (
                SELECT id, name, phone,
                       ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 3857),
                                    ST_TileEnvelope(10, 812, 482), 4096, 64, true) AS geom
                  FROM (VALUES (1, 'Cửa hàng Tư', '0277000001', 105.65, 10.30),
                               (2, 'Tiệm Năm', NULL, 105.70, 10.35),
                               (3, 'Chợ Sáu', '0277000003', 105.75, 10.25)) AS p(id, name, phone, lon, lat)
                 ORDER BY %s
            ) tile""";

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createEmpty();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void reorderedTileGivesSameFeatures() throws Exception {
        byte[] ascending = tile(TILE_SQL.formatted("id"));
        byte[] descending = tile(TILE_SQL.formatted("id DESC"));

        assertThat(ascending).isNotEqualTo(descending);
        List<String> features = MvtFeatures.of(ascending);
        assertThat(features).hasSize(3).isEqualTo(MvtFeatures.of(descending));
        assertThat(features.getFirst()).startsWith("merchants id=1 type=1 geometry=");
        assertThat(features.get(1)).startsWith("merchants id=2 ").doesNotContain("phone=");
    }

    @Test
    void changedAttributeGivesOtherFeatures() throws Exception {
        byte[] original = tile(TILE_SQL.formatted("id"));
        byte[] renamed = tile(TILE_SQL.formatted("id").replace("Tiệm Năm", "Tiem Nam"));

        assertThat(MvtFeatures.of(renamed)).isNotEqualTo(MvtFeatures.of(original));
    }

    @Test
    void emptyTileHasNoFeatures() {
        assertThat(MvtFeatures.of(new byte[0])).isEmpty();
    }

    @Test
    void truncatedTileIsRejected() throws Exception {
        byte[] tile = tile(TILE_SQL.formatted("id"));
        byte[] truncated = Arrays.copyOf(tile, tile.length - 5);

        assertThatThrownBy(() -> MvtFeatures.of(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs past the end of the tile");
    }

    private static byte[] tile(String sql) throws Exception {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBytes(1);
        }
    }
}
