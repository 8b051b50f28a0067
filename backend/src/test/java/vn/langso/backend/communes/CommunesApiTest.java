package vn.langso.backend.communes;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The commune and administrative-unit API over small square communes written for the test. */
class CommunesApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, valid_to, geom, source) VALUES
                  ('82', 'Đồng Tháp', 'province', 'Tỉnh', NULL, '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.0, 10.0, 107.0, 11.0, 4326)), 'test'),
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Phú Tân', 'commune', 'Xã', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test'),
                  ('90003', 'Đồng Hòa', 'commune', 'Phường', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(106.30, 10.30, 106.40, 10.40, 4326)), 'test'),
                  ('866', 'Thành phố Cao Lãnh', 'district', 'Thành phố', '87', '2004-01-01', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.55, 10.40, 105.70, 10.50, 4326)), 'test'),
                  ('30001', 'Tân Thuận Tây', 'commune', 'Xã', '866', '2004-01-01', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test')""");
    }

    @Test
    void currentCommunesOnly() {
        JsonResponse response = get("/api/v1/communes");
        JsonNode collection = response.expect(200);

        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(codes(collection)).containsExactly("90001", "90002", "90003");
        assertThat(collection.path("numberMatched").asLong()).isEqualTo(3);
        JsonNode first = collection.path("features").get(0);
        assertThat(first.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        JsonNode properties = first.path("properties");
        assertThat(properties.path("code").asString()).isEqualTo("90001");
        assertThat(properties.path("name").asString()).isEqualTo("Tân Thuận Tây");
        assertThat(properties.path("unit_type").asString()).isEqualTo("Xã");
        assertThat(properties.path("parent_code").asString()).isEqualTo("82");
        assertThat(properties.path("valid_from").asString()).isEqualTo("2025-07-01");
    }

    @Test
    void communesInBboxAndPaged() {
        assertThat(codes(get("/api/v1/communes?bbox=106,10,107,11").expect(200))).containsExactly("90003");
        assertThat(get("/api/v1/communes?bbox=100,20,101,21").expect(200).path("features").size()).isZero();
        assertThat(get("/api/v1/communes?bbox=177,-10,-177,10").expect(200).path("features").size()).isZero();
        get("/api/v1/communes?bbox=107,10,106,11").expectProblem(400, "/problems/invalid-bbox");

        JsonNode page = get("/api/v1/communes?limit=2").expect(200);
        assertThat(codes(page)).containsExactly("90001", "90002");
        assertThat(codes(get(link(page, "next")).expect(200))).containsExactly("90003");
        get("/api/v1/communes?limit=0").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/communes?level=commune").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void pointBboxFindsCommune() {
        assertThat(codes(get("/api/v1/communes?bbox=105.63,10.46,105.63,10.46").expect(200))).containsExactly("90001");
    }

    @Test
    void communeByCodeHasBboxAndProvince() {
        JsonNode feature = get("/api/v1/communes/90001").expect(200);

        assertThat(feature.path("type").asString()).isEqualTo("Feature");
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        List<Double> bbox = new ArrayList<>();
        feature.path("bbox").forEach(value -> bbox.add(value.asDouble()));
        assertThat(bbox).containsExactly(105.60, 10.43, 105.66, 10.49);
        assertThat(feature.path("properties").path("province_code").asString()).isEqualTo("82");
    }

    @Test
    void communeByCodeMissing() {
        JsonNode problem = get("/api/v1/communes/00000").expectProblem(404, "/problems/not-found");
        assertThat(problem.path("detail").asString()).contains("00000");

        get("/api/v1/communes/30001").expectProblem(404, "/problems/not-found");
    }

    @Test
    void communeAtPoint() {
        JsonNode feature = get("/api/v1/communes/at?lon=105.6329&lat=10.4603").expect(200);

        assertThat(feature.path("properties").path("code").asString()).isEqualTo("90001");
        assertThat(feature.path("properties").path("name").asString()).isEqualTo("Tân Thuận Tây");
        assertThat(feature.path("properties").path("province_code").asString()).isEqualTo("82");
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(feature.path("bbox").size()).isEqualTo(4);
    }

    @Test
    void pointOutsideProvince() {
        JsonNode sea = get("/api/v1/communes/at?lon=107.5&lat=9.0").expectProblem(404, "/problems/outside-province");
        assertThat(sea.path("detail").asString()).contains("107.5").contains("9.0").contains("outside the communes");

        get("/api/v1/communes/at?lon=104.9&lat=11.55").expectProblem(404, "/problems/outside-province");
        get("/api/v1/communes/at?lon=0&lat=0").expectProblem(404, "/problems/outside-province");
    }

    @Test
    void swappedCoordinatesRejected() {
        JsonNode problem = get("/api/v1/communes/at?lon=10.4603&lat=105.6329").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("swapped");
        assertThat(problem.path("invalidParams").size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lon=105.6", "lat=10.4", "", "lon=abc&lat=10.4", "lon=105.6&lat=", "lon=200&lat=10",
            "lon=105.6&lat=-100", "lon=105.6&lat=10.4&radius=1"})
    void communeAtRejectsInvalidParameters(String query) {
        get("/api/v1/communes/at?" + query).expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void searchWithOrWithoutDiacritics() {
        String nfd = Normalizer.normalize("Tân Thuận Tây", Normalizer.Form.NFD);
        for (String text : List.of("Tan Thuan Tay", "tân thuận tây", nfd, "TÂN THUẬN", "xã tân thuận")) {
            JsonNode results = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", text).build())
                    .expect(200).path("results");
            assertThat(results.size()).as("q=%s", text).isEqualTo(2);
            JsonNode result = results.get(0);
            assertThat(result.path("name").asString()).isEqualTo("Tân Thuận Tây");
            assertThat(result.path("code").asString()).isEqualTo("90001");
            assertThat(result.path("unit_type").asString()).isEqualTo("Xã");
            assertThat(result.has("valid_to")).isFalse();
            assertThat(result.path("bbox").get(0).asDouble()).isEqualTo(105.60);
            assertThat(result.path("bbox").get(3).asDouble()).isEqualTo(10.49);
            assertThat(result.path("center").get(0).asDouble()).isBetween(105.60, 105.66);
            assertThat(result.path("center").get(1).asDouble()).isBetween(10.43, 10.49);
        }
    }

    @Test
    void searchListsFormerCommuneWithSuccessor() {
        JsonNode results = get("/api/v1/communes/search?q=tan%20thuan%20tay").expect(200).path("results");

        JsonNode former = results.get(1);
        assertThat(former.path("code").asString()).isEqualTo("30001");
        assertThat(former.path("valid_to").asString()).isEqualTo("2025-07-01");
        assertThat(former.path("now_part_of").path("code").asString()).isEqualTo("90001");
        assertThat(former.path("now_part_of").path("name").asString()).isEqualTo("Tân Thuận Tây");
        assertThat(former.path("now_part_of").path("unit_type").asString()).isEqualTo("Xã");
    }

    @Test
    void searchTextOfThousandsOfCharactersIsProblem() {
        String text = "tân thuận tây ".repeat(400);

        JsonNode problem = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", text).build())
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("the maximum is 200");
    }

    @Test
    void searchCleansCopiedText() {
        for (String text : List.of("Tân\u00A0Thuận Tây", "\u200BTân Thuận Tây", "Tân\u2003Thuận\tTây")) {
            JsonNode results = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", text).build())
                    .expect(200).path("results");
            assertThat(results.size()).as("q=%s", text).isEqualTo(2);
            assertThat(results.get(0).path("code").asString()).as("q=%s", text).isEqualTo("90001");
        }

        JsonNode eth = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", "\u00D0ồng Hòa").build())
                .expect(200).path("results");
        assertThat(eth.size()).isEqualTo(1);
        assertThat(eth.get(0).path("name").asString()).isEqualTo("Đồng Hòa");
    }

    @Test
    void searchFoldsDStroke() {
        for (String text : List.of("dong hoa", "Đồng", "đong hoa")) {
            JsonNode results = get(uri -> uri.path("/api/v1/communes/search").queryParam("q", text).build())
                    .expect(200).path("results");
            assertThat(results.size()).as("q=%s", text).isEqualTo(1);
            assertThat(results.get(0).path("name").asString()).isEqualTo("Đồng Hòa");
        }
    }

    @Test
    void searchRanksPrefixFirst() {
        JsonNode results = get("/api/v1/communes/search?q=tan").expect(200).path("results");

        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).path("code").asString()).isEqualTo("90001");
        assertThat(results.get(1).path("name").asString()).isEqualTo("Phú Tân");
        assertThat(results.get(2).path("code").asString()).as("former unit after current ones").isEqualTo("30001");
        assertThat(get("/api/v1/communes/search?q=tan&limit=1").expect(200).path("results").size()).isEqualTo(1);
    }

    @Test
    void searchWithoutMatchIsEmpty() {
        JsonNode body = get("/api/v1/communes/search?q=Hanoi").expect(200);

        assertThat(body.path("results").isArray()).isTrue();
        assertThat(body.path("results").size()).isZero();
    }

    @Test
    void searchRejectsBadText() {
        get("/api/v1/communes/search?q=").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/communes/search?q=%20%20").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/communes/search").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/communes/search?q=tan&limit=0").expectProblem(400, "/problems/invalid-parameter");
        String longText = "a".repeat(201);
        JsonNode problem = get("/api/v1/communes/search?q=" + longText).expectProblem(400, "/problems/invalid-parameter");
        assertThat(problem.path("detail").asString()).contains("201").contains("200");
        get("/api/v1/communes/search?q=" + "a".repeat(200)).expect(200);
    }

    @Test
    void adminUnitsValidOnDate() {
        assertThat(codes(get("/api/v1/admin-units?level=district&date=2024-01-01").expect(200))).containsExactly("866");
        assertThat(codes(get("/api/v1/admin-units?level=commune&date=2024-01-01").expect(200))).containsExactly("30001");
        assertThat(codes(get("/api/v1/admin-units?level=district").expect(200))).isEmpty();
        assertThat(codes(get("/api/v1/admin-units?level=commune&date=2025-07-01").expect(200)))
                .containsExactly("90001", "90002", "90003");
        assertThat(codes(get("/api/v1/admin-units?date=2024-06-30").expect(200))).containsExactly("30001", "866");
        JsonNode district = get("/api/v1/admin-units?level=district&date=2024-01-01").expect(200).path("features").get(0);
        assertThat(district.path("properties").path("valid_to").asString()).isEqualTo("2025-07-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"level=village", "date=2024-13-01", "date=yesterday", "level=district&date=01/01/2024",
            "limit=-1", "colour=red"})
    void adminUnitsRejectInvalidParameters(String query) {
        get("/api/v1/admin-units?" + query).expectProblem(400, "/problems/invalid-parameter");
    }

    private static List<String> codes(JsonNode collection) {
        List<String> codes = new ArrayList<>();
        collection.path("features").forEach(feature -> codes.add(feature.path("properties").path("code").asString()));
        return codes;
    }

    private static String link(JsonNode collection, String rel) {
        for (JsonNode link : collection.path("links")) {
            if (link.path("rel").asString().equals(rel)) {
                return link.path("href").asString();
            }
        }
        return null;
    }
}
