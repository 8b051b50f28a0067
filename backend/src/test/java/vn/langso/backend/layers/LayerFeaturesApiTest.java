package vn.langso.backend.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** Feature listings, proximity, nearest and single features of the layer API over real PostGIS. */
@TestPropertySource(properties = {"langso.api.default-limit=2", "langso.api.max-limit=3"})
class LayerFeaturesApiTest extends ApiTestSupport {

    private static final double CENTRE_LON = 105.6329;
    private static final double CENTRE_LAT = 10.4603;

    @BeforeAll
    static void insertFixtures() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Mỹ Thọ', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test')""",
                """
                INSERT INTO clinic (name, geom, address, facility_type, ownership, beds, properties, source, source_key) VALUES
                  ('Bệnh viện Đa khoa Đồng Tháp', ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326), 'Cao Lãnh',
                   'hospital', 'public', 500, '{"osm_id": 1}', 'test', '1'),
                  ('Trạm Y tế xã Tân Thuận Tây', ST_SetSRID(ST_MakePoint(105.64, 10.45), 4326), NULL,
                   'health_station', 'public', 5, '{}', 'test', '2'),
                  ('Trung tâm Y tế Mỹ Thọ', ST_SetSRID(ST_MakePoint(105.69, 10.46), 4326), NULL,
                   'health_centre', 'public', 100, '{}', 'test', '3'),
                  ('Phòng khám Đa khoa Hòa An', ST_SetSRID(ST_MakePoint(105.75, 10.50), 4326), NULL,
                   'clinic', 'private', NULL, '{}', 'test', '4'),
                  ('Bệnh viện Quân y 120', ST_SetSRID(ST_MakePoint(106.36, 10.36), 4326), NULL,
                   'hospital', 'public', 300, '{}', 'test', '5')""",
                """
                INSERT INTO camera (name, geom, status, source, source_key) VALUES
                  ('Camera đảo Đông', ST_SetSRID(ST_MakePoint(179.5, 5.0), 4326), 'online', 'test', '1'),
                  ('Camera đảo Tây', ST_SetSRID(ST_MakePoint(-179.5, 5.0), 4326), 'online', 'test', '2'),
                  ('Camera Cao Lãnh', ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326), 'offline', 'test', '3')""",
                "CREATE TABLE private_place AS SELECT * FROM merchant WITH NO DATA",
                """
                INSERT INTO layer (name, table_name, title_vi, title_en, personal_data, sort_order)
                VALUES ('private_places', 'private_place', 'Địa điểm riêng', 'Private places', true, 5)""");
    }

    @Test
    void layersListedInCatalogOrderWithCounts() {
        JsonNode layers = get("/api/v1/layers").expect(200).path("layers");

        List<String> names = new ArrayList<>();
        layers.forEach(layer -> names.add(layer.path("name").asString()));
        assertThat(names).containsExactly("reports", "cameras", "merchants", "schools", "clinics", "cooperatives",
                "trace_locations");
        JsonNode clinics = layers.get(4);
        assertThat(clinics.path("title").path("vi").asString()).isEqualTo("Cơ sở y tế");
        assertThat(clinics.path("title").path("en").asString()).isEqualTo("Health facilities");
        assertThat(clinics.path("description").path("en").asString()).isNotBlank();
        assertThat(clinics.path("geometryType").asString()).isEqualTo("Point");
        assertThat(clinics.path("featureCount").asLong()).isEqualTo(5);
        assertThat(layers.get(3).path("featureCount").asLong()).isZero();
        assertThat(clinics.path("links").get(0).path("rel").asString()).isEqualTo("items");
        assertThat(clinics.path("links").get(0).path("href").asString()).isEqualTo("/api/v1/layers/clinics/features");
    }

    @Test
    void personalDataLayerHidden() {
        JsonNode layers = get("/api/v1/layers").expect(200).path("layers");

        layers.forEach(layer -> assertThat(layer.path("name").asString()).isNotEqualTo("private_places"));
        get("/api/v1/layers/private_places/features").expectProblem(404, "/problems/not-found");
    }

    @Test
    void featureHasPublicPropertiesOnly() {
        JsonResponse response = get("/api/v1/layers/clinics/features?limit=1");
        JsonNode feature = response.expect(200).path("features").get(0);

        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(feature.path("type").asString()).isEqualTo("Feature");
        assertThat(feature.path("id").isIntegralNumber()).isTrue();
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(feature.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(105.6329);
        assertThat(feature.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(10.4603);
        JsonNode properties = feature.path("properties");
        assertThat(properties.path("layer").asString()).isEqualTo("clinics");
        assertThat(properties.path("name").asString()).isEqualTo("Bệnh viện Đa khoa Đồng Tháp");
        assertThat(properties.path("commune_code").asString()).isEqualTo("90001");
        assertThat(properties.path("commune_name").asString()).isEqualTo("Tân Thuận Tây");
        assertThat(properties.path("address").asString()).isEqualTo("Cao Lãnh");
        assertThat(properties.path("facility_type").asString()).isEqualTo("hospital");
        assertThat(properties.path("beds").asInt()).isEqualTo(500);
        assertThat(properties.path("attributes").path("osm_id").asInt()).isEqualTo(1);
        assertThat(properties.path("updated_at").asString()).isNotBlank();
        for (String internal : List.of("source", "source_key", "name_folded", "geom", "properties", "created_at")) {
            assertThat(properties.has(internal)).as("property %s", internal).isFalse();
        }
    }

    @Test
    void limitAboveMaximumIsCappedAndPaged() {
        JsonNode first = get("/api/v1/layers/clinics/features?limit=10").expect(200);

        assertThat(first.path("numberMatched").asLong()).isEqualTo(5);
        assertThat(first.path("numberReturned").asInt()).isEqualTo(3);
        assertThat(first.path("timeStamp").asString()).isNotBlank();
        String next = link(first, "next");
        assertThat(next).contains("limit=3").contains("offset=3");
        assertThat(link(first, "prev")).isNull();

        JsonNode second = get(next).expect(200);
        assertThat(second.path("numberReturned").asInt()).isEqualTo(2);
        assertThat(link(second, "next")).isNull();
        assertThat(link(second, "prev")).contains("offset=0");
        List<Long> ids = new ArrayList<>();
        first.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
        second.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
        assertThat(ids).doesNotHaveDuplicates().isSorted().hasSize(5);
    }

    @Test
    void defaultLimitApplies() {
        JsonNode page = get("/api/v1/layers/clinics/features").expect(200);

        assertThat(page.path("numberReturned").asInt()).isEqualTo(2);
        assertThat(link(page, "self")).contains("limit=2").contains("offset=0");
    }

    @Test
    void linksKeepOtherParameters() {
        JsonNode page = get(uri -> uri.path("/api/v1/layers/clinics/features")
                .queryParam("q", "y tế").queryParam("limit", "1").build()).expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(2);
        String next = link(page, "next");
        assertThat(next).contains("q=y%20t%E1%BA%BF").contains("limit=1").contains("offset=1");
        JsonNode second = get(next).expect(200);
        assertThat(second.path("numberReturned").asInt()).isEqualTo(1);
        assertThat(second.path("features").get(0).path("properties").path("name").asString()).contains("Y tế");
    }

    @Test
    void offsetBeyondEndGivesEmptyPage() {
        JsonNode page = get("/api/v1/layers/clinics/features?offset=50").expect(200);

        assertThat(page.path("features").isArray()).isTrue();
        assertThat(page.path("features").size()).isZero();
        assertThat(page.path("numberMatched").asLong()).isEqualTo(5);
        assertThat(link(page, "next")).isNull();
        assertThat(link(page, "prev")).isNotNull();
    }

    @Test
    void emptyLayerGivesEmptyCollection() {
        JsonNode page = get("/api/v1/layers/schools/features").expect(200);

        assertThat(page.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(page.path("features").size()).isZero();
        assertThat(page.path("numberMatched").asLong()).isZero();
        assertThat(page.path("numberReturned").asInt()).isZero();
        assertThat(link(page, "next")).isNull();
    }

    @Test
    void bboxSelectsFeaturesInside() {
        JsonNode page = get("/api/v1/layers/clinics/features?bbox=105.6,10.4,105.7,10.5&limit=3").expect(200);

        assertThat(names(page)).containsExactlyInAnyOrder("Bệnh viện Đa khoa Đồng Tháp", "Trạm Y tế xã Tân Thuận Tây",
                "Trung tâm Y tế Mỹ Thọ");
    }

    @Test
    void pointBboxFindsFeatureAtPoint() {
        JsonNode page = get("/api/v1/layers/clinics/features?bbox=105.6329,10.4603,105.6329,10.4603").expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void bboxAcrossAntimeridian() {
        assertThat(get("/api/v1/layers/clinics/features?bbox=177,-10,-177,10").expect(200).path("features").size()).isZero();

        JsonNode cameras = get("/api/v1/layers/cameras/features?bbox=177,-10,-177,10").expect(200);
        assertThat(names(cameras)).containsExactlyInAnyOrder("Camera đảo Đông", "Camera đảo Tây");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b,c,d", "1,2,3", "1,2,3,4,5", "", "106,10,105,11", "105,11,106,10", "105,-91,106,10",
            "105,10,106,91", "-181,10,106,11", "105,10,181,11", "NaN,10,106,11", "105,10,Infinity,11", "105,,106,11"})
    void invalidBboxRejected(String bbox) {
        JsonNode problem = get(uri -> uri.path("/api/v1/layers/clinics/features").queryParam("bbox", bbox).build())
                .expectProblem(400, "/problems/invalid-bbox");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("bbox");
    }

    @Test
    void bboxWithWestAfterEastSaysSwap() {
        JsonNode problem = get("/api/v1/layers/clinics/features?bbox=106,10,105,11").expectProblem(400, "/problems/invalid-bbox");

        assertThat(problem.path("detail").asString()).contains("west 106").contains("east 105").contains("swap");
    }

    @Test
    void radiusDistancesMatchPostgis() throws SQLException {
        double radius = 7000;
        Map<Long, Double> expected = referenceDistances(radius);
        JsonNode page = get("/api/v1/layers/clinics/features?lon=" + CENTRE_LON + "&lat=" + CENTRE_LAT
                + "&radius=" + (long) radius + "&limit=3").expect(200);

        assertThat(expected).hasSize(3);
        assertThat(page.path("numberMatched").asLong()).isEqualTo(expected.size());
        double previous = -1;
        for (JsonNode feature : page.path("features")) {
            long id = feature.path("id").asLong();
            double distance = feature.path("properties").path("distance_m").asDouble();
            assertThat(expected).as("feature %d within the radius", id).containsKey(id);
            assertThat(distance).as("distance of feature %d", id).isCloseTo(expected.get(id), within(0.1));
            assertThat(distance).as("sorted by distance").isGreaterThanOrEqualTo(previous);
            previous = distance;
        }
        assertThat(page.path("features").get(0).path("properties").path("distance_m").asDouble()).isZero();
    }

    @Test
    void radiusCombinesWithText() {
        JsonNode page = get(uri -> uri.path("/api/v1/layers/clinics/features")
                .queryParam("lon", CENTRE_LON).queryParam("lat", CENTRE_LAT).queryParam("radius", 100000)
                .queryParam("q", "benh vien").build()).expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Bệnh viện Quân y 120");
    }

    @ParameterizedTest
    @ValueSource(strings = {"radius=0", "radius=-5", "radius=100001", "radius=abc", "radius=NaN"})
    void invalidRadiusRejected(String radius) {
        JsonNode problem = get("/api/v1/layers/clinics/features?lon=105.6&lat=10.4&" + radius)
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("radius");
    }

    @Test
    void invalidRadiusExampleIsMetres() {
        String detail = get("/api/v1/layers/clinics/features?lon=105.6&lat=10.4&radius=2km")
                .expectProblem(400, "/problems/invalid-parameter").path("detail").asString();

        assertThat(detail).contains("for example 2000");
        assertThat(detail).doesNotContain("105.63");
    }

    @Test
    void radiusWithoutLatitudeNamesIt() {
        JsonNode problem = get("/api/v1/layers/clinics/features?lon=105.6&radius=1000")
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("lat");
    }

    @Test
    void textSearchIgnoresDiacriticsAndCase() {
        String nfd = Normalizer.normalize("Bệnh viện", Normalizer.Form.NFD);
        for (String text : List.of("benh vien", "BỆNH VIỆN", nfd, "  bệnh   viện ")) {
            JsonNode page = get(uri -> uri.path("/api/v1/layers/clinics/features").queryParam("q", text).build()).expect(200);
            assertThat(names(page)).as("q=%s", text).containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Bệnh viện Quân y 120");
        }
        JsonNode dong = get(uri -> uri.path("/api/v1/layers/clinics/features").queryParam("q", "dong thap").build()).expect(200);
        assertThat(names(dong)).containsExactly("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void textWithLikeWildcardsMatchesLiterally() {
        JsonNode page = get(uri -> uri.path("/api/v1/layers/clinics/features").queryParam("q", "%").build())
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(page.path("invalidParams").get(0).path("name").asString()).isEqualTo("q");

        JsonNode underscore = get(uri -> uri.path("/api/v1/layers/clinics/features").queryParam("q", "b_nh").build()).expect(200);
        assertThat(underscore.path("features").size()).isZero();
    }

    @Test
    void textTooLongRejected() {
        String text = "a".repeat(201);
        get(uri -> uri.path("/api/v1/layers/clinics/features").queryParam("q", text).build())
                .expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void communeFilter() {
        JsonNode page = get("/api/v1/layers/clinics/features?commune=90001").expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Trạm Y tế xã Tân Thuận Tây");
    }

    @Test
    void unknownCommuneRejected() {
        JsonNode problem = get("/api/v1/layers/clinics/features?commune=99999").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("commune");
        assertThat(problem.path("detail").asString()).contains("99999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=-1", "limit=1.5", "limit=abc", "limit=", "offset=-1", "offset=x",
            "offset=99999999999", "offset=99999999999999999999", "limit=-99999999999999999999"})
    void invalidPagingRejected(String paging) {
        JsonNode problem = get("/api/v1/layers/clinics/features?" + paging).expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo(paging.substring(0, paging.indexOf('=')));
    }

    @Test
    void unknownParameterNamed() {
        JsonNode problem = get("/api/v1/layers/clinics/features?colour=red").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("colour");
        assertThat(problem.path("detail").asString()).contains("colour");
    }

    @Test
    void repeatedParameterRejected() {
        get("/api/v1/layers/clinics/features?limit=1&limit=2").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void unknownLayerListsKnownLayers() {
        JsonNode problem = get("/api/v1/layers/hospitals/features").expectProblem(404, "/problems/not-found");

        assertThat(problem.path("detail").asString()).contains("hospitals").contains("clinics").contains("schools");
        get("/api/v1/layers/hospitals/nearest?lon=105.6&lat=10.4").expectProblem(404, "/problems/not-found");
        get("/api/v1/layers/hospitals/features/1").expectProblem(404, "/problems/not-found");
    }

    @Test
    void featureById() {
        long id = get("/api/v1/layers/clinics/features?limit=1").expect(200).path("features").get(0).path("id").asLong();
        JsonResponse response = get("/api/v1/layers/clinics/features/" + id);
        JsonNode feature = response.expect(200);

        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(feature.path("id").asLong()).isEqualTo(id);
        assertThat(feature.path("properties").path("name").asString()).isEqualTo("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void featureByIdMissing() {
        JsonNode problem = get("/api/v1/layers/clinics/features/999999").expectProblem(404, "/problems/not-found");

        assertThat(problem.path("detail").asString()).contains("999999").contains("clinics");
        get("/api/v1/layers/schools/features/1").expectProblem(404, "/problems/not-found");
    }

    @Test
    void featureByNonIntegerIdRejected() {
        JsonNode problem = get("/api/v1/layers/clinics/features/abc").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("id");
        get("/api/v1/layers/clinics/features/1.5").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void nearestOrderedByDistance() throws SQLException {
        Map<Long, Double> expected = referenceDistances(1_000_000);
        JsonNode page = get("/api/v1/layers/clinics/nearest?lon=" + CENTRE_LON + "&lat=" + CENTRE_LAT + "&count=3").expect(200);

        List<Long> expectedOrder = expected.keySet().stream().limit(3).toList();
        List<Long> ids = new ArrayList<>();
        page.path("features").forEach(feature -> {
            ids.add(feature.path("id").asLong());
            assertThat(feature.path("properties").path("distance_m").asDouble())
                    .isCloseTo(expected.get(feature.path("id").asLong()), within(0.1));
        });
        assertThat(ids).containsExactlyElementsOf(expectedOrder);
        assertThat(page.path("numberReturned").asInt()).isEqualTo(3);
    }

    @Test
    void nearestDefaultCountAndEmptyLayer() {
        assertThat(get("/api/v1/layers/clinics/nearest?lon=105.6&lat=10.4").expect(200).path("features").size()).isEqualTo(5);

        JsonNode empty = get("/api/v1/layers/schools/nearest?lon=105.6&lat=10.4").expect(200);
        assertThat(empty.path("features").size()).isZero();
        assertThat(empty.path("type").asString()).isEqualTo("FeatureCollection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lon=105.6&lat=10.4&count=0", "lon=105.6&lat=10.4&count=101", "lon=105.6&lat=10.4&count=x",
            "lon=105.6", "lat=10.4", "lon=abc&lat=10.4", "lon=181&lat=10", "lon=105.6&lat=10.4&radius=5"})
    void nearestRejectsInvalidParameters(String query) {
        get("/api/v1/layers/clinics/nearest?" + query).expectProblem(400, "/problems/invalid-parameter");
    }

    /** Geodesic distances from the centre computed by PostGIS itself, nearest first, within the radius. */
    private static Map<Long, Double> referenceDistances(double radius) throws SQLException {
        Map<Long, Double> distances = new LinkedHashMap<>();
        try (Connection connection = database().connect();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) AS d
                       FROM clinic ORDER BY d, id""")) {
            statement.setDouble(1, CENTRE_LON);
            statement.setDouble(2, CENTRE_LAT);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getDouble("d") <= radius) {
                        distances.put(rows.getLong("id"), rows.getDouble("d"));
                    }
                }
            }
        }
        return distances;
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
        return names;
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
