package vn.langso.backend.communes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ApiTestSupport;
import vn.langso.gis.testing.SharedData;

/**
 * The commune API over the 102 real communes of Đồng Tháp (province 82, from 1 July 2025). Skipped with a
 * message when the shared test data is absent.
 */
class RealCommunesApiTest extends ApiTestSupport {

    private static final String COMMUNES_FILE = "geo/post2025/dong_thap_2025_communes_102.geojson";

    @BeforeAll
    static void loadRealCommunes() throws IOException, SQLException {
        Path file = SharedData.require(COMMUNES_FILE);
        JsonNode collection = JsonMapper.builder().build().readTree(Files.readString(file));
        try (Connection connection = database().connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, properties, source)
                     VALUES (?, ?, 'commune', ?, ?, DATE '2025-07-01',
                             ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)), ?::jsonb, ?)""")) {
            for (JsonNode feature : collection.path("features")) {
                JsonNode properties = feature.path("properties");
                insert.setString(1, properties.path("ma_xa").asString());
                insert.setString(2, properties.path("ten_xa").asString());
                insert.setString(3, properties.path("loai").asString());
                insert.setString(4, properties.path("ma_tinh").asString());
                insert.setString(5, feature.path("geometry").toString());
                insert.setString(6, properties.toString());
                insert.setString(7, COMMUNES_FILE);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Test
    void allCurrentCommunesOfProvince() {
        JsonNode collection = get("/api/v1/communes").expect(200);

        assertThat(collection.path("numberMatched").asLong()).isEqualTo(102);
        assertThat(collection.path("numberReturned").asInt()).isEqualTo(102);
        for (JsonNode feature : collection.path("features")) {
            assertThat(feature.path("properties").path("parent_code").asString()).isEqualTo("82");
            assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        }
    }

    @Test
    void pointInCaoLanhHasCommune() {
        JsonNode feature = get("/api/v1/communes/at?lon=105.6329&lat=10.4603").expect(200);

        assertThat(feature.path("properties").path("name").asString()).isNotBlank();
        assertThat(feature.path("properties").path("province_code").asString()).isEqualTo("82");
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
    }

    @Test
    void pointsOutsideProvince() {
        JsonNode sea = get("/api/v1/communes/at?lon=107.5&lat=9.0").expectProblem(404, "/problems/outside-province");
        assertThat(sea.path("detail").asString()).contains("lon=107.5").contains("lat=9.0");

        JsonNode cambodia = get("/api/v1/communes/at?lon=104.9&lat=11.55").expectProblem(404, "/problems/outside-province");
        assertThat(cambodia.path("detail").asString()).contains("outside the communes of the province");
    }

    @Test
    void swappedPointRejected() {
        get("/api/v1/communes/at?lon=10.4603&lat=105.6329").expectProblem(400, "/problems/invalid-parameter");
    }

    /** The 2025 list has no "Tân Thuận Tây" (it was merged); "Tân Thuận Bình" is a current commune. */
    @Test
    void searchFindsCommuneInEverySpelling() {
        String nfd = Normalizer.normalize("Tân Thuận Bình", Normalizer.Form.NFD);
        for (String text : List.of("Tan Thuan Binh", "tân thuận bình", nfd, "TAN THUAN")) {
            JsonNode results = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", text).build())
                    .expect(200).path("results");
            assertThat(results.size()).as("q=%s", text).isGreaterThanOrEqualTo(1);
            assertThat(results.get(0).path("name").asString()).as("q=%s", text).isEqualTo("Tân Thuận Bình");
        }
    }

    @Test
    void searchFoldsDStrokeInRealNames() {
        JsonNode results = get("/api/v1/communes/search?q=dong&limit=100").expect(200).path("results");

        assertThat(results.size()).isGreaterThan(0);
        for (JsonNode result : results) {
            String folded = Normalizer.normalize(result.path("name").asString(), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase();
            assertThat(folded).contains("dong");
        }
    }

    @Test
    void communeByRealCode() {
        JsonNode feature = get("/api/v1/communes/29954").expect(200);

        assertThat(feature.path("properties").path("name").asString()).isEqualTo("An Bình");
        assertThat(feature.path("properties").path("unit_type").asString()).isEqualTo("Phường");
        assertThat(feature.path("bbox").size()).isEqualTo(4);
    }
}
