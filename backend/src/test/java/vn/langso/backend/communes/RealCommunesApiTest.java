package vn.langso.backend.communes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.gis.imports.FeatureImporter;
import vn.langso.gis.imports.ImportOptions;
import vn.langso.gis.imports.ImportReport;
import vn.langso.gis.testing.SharedData;

/**
 * The commune API over the 102 real communes of Đồng Tháp (province 82, from 1 July 2025). Skipped with a
 * message when the shared test data is absent.
 */
class RealCommunesApiTest extends ApiTestSupport {

    private static final String COMMUNES_FILE = "geo/post2025/dong_thap_2025_communes_102.geojson";
    private static final String FORMER_COMMUNES_FILE = "geo/pre2025/dong_thap_87_communes_census2009_lowres.geojson";

    @BeforeAll
    static void loadRealCommunes() {
        Path communes2025 = SharedData.require(COMMUNES_FILE);
        Path communes2009 = SharedData.require(FORMER_COMMUNES_FILE);
        FeatureImporter importer = new FeatureImporter(database().url());

        ImportReport current = importer.importFiles(List.of(communes2025), ImportOptions.into("admin-units"));
        ImportReport former = importer.importFiles(List.of(communes2009),
                ImportOptions.into("admin-units").withValidity(LocalDate.of(2009, 4, 1), LocalDate.of(2025, 7, 1)));

        assertThat(current.imported()).isEqualTo(102);
        assertThat(former.imported()).isPositive();
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

    /** "Tân Thuận Tây" was merged on 1 July 2025; people still search for it by its old name. */
    @Test
    void searchFindsFormerCommuneInEverySpelling() {
        String nfd = Normalizer.normalize("Tân Thuận Tây", Normalizer.Form.NFD);
        for (String text : List.of("Tan Thuan Tay", "tân thuận tây", nfd)) {
            JsonNode results = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", text).build())
                    .expect(200).path("results");
            assertThat(results.size()).as("q=%s", text).isGreaterThanOrEqualTo(1);

            JsonNode first = results.get(0);
            assertThat(first.path("name").asString()).as("q=%s", text).isEqualTo("Tân Thuận Tây");
            assertThat(first.path("valid_to").asString()).as("q=%s", text).isEqualTo("2025-07-01");
            assertThat(first.path("now_part_of").path("name").asString()).as("q=%s", text).isNotBlank();
        }
    }

    @Test
    void searchListsCurrentCommunesFirst() {
        JsonNode results = get("/api/v1/communes/search?q=my%20tra&limit=100").expect(200).path("results");

        assertThat(results.get(0).path("name").asString()).isEqualTo("Mỹ Trà");
        assertThat(results.get(0).has("valid_to")).isFalse();
        assertThat(results.get(0).has("now_part_of")).isFalse();
        boolean formerSeen = false;
        for (JsonNode result : results) {
            if (result.has("valid_to")) {
                formerSeen = true;
            } else {
                assertThat(formerSeen).as("current commune %s listed after a former one", result.path("name")).isFalse();
            }
        }
    }

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
