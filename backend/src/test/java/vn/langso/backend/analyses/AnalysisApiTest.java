package vn.langso.backend.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** Per-commune aggregates and distance coverage over real PostGIS, checked against reference SQL. */
class AnalysisApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Mỹ Thọ', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test'),
                  ('90003', 'Bình Hàng Trung', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.72, 10.43, 105.78, 10.49, 4326)), 'test'),
                  ('90004', 'Long Thuận', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.78, 10.43, 105.84, 10.49, 4326)), 'test')""",
                """
                INSERT INTO clinic (name, geom, facility_type, ownership, source, source_key) VALUES
                  ('Trạm Y tế Tân Thuận Tây', ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326), 'health_station', 'public', 'test', '1'),
                  ('Trạm Y tế Mỹ Thọ', ST_SetSRID(ST_MakePoint(105.69, 10.46), 4326), 'health_station', 'public', 'test', '2')""",
                """
                INSERT INTO school (name, geom, school_level, source, source_key) VALUES
                  ('Trường Tiểu học A', ST_SetSRID(ST_MakePoint(105.635, 10.46), 4326), 'primary', 'test', '1'),
                  ('Trường Tiểu học B', ST_SetSRID(ST_MakePoint(105.61, 10.48), 4326), 'primary', 'test', '2'),
                  ('Trường THCS C', ST_SetSRID(ST_MakePoint(105.70, 10.47), 4326), 'lower_secondary', 'test', '3'),
                  ('Trường THPT D', ST_SetSRID(ST_MakePoint(105.75, 10.44), 4326), 'upper_secondary', 'test', '4'),
                  ('Trường Mầm non E', ST_SetSRID(ST_MakePoint(105.77, 10.48), 4326), NULL, 'test', '5')""");
    }

    @Test
    void layersListPlacesAndGrowingAreas() {
        JsonNode layers = get("/api/v1/analyses/layers").expect(200).path("layers");

        List<String> names = new ArrayList<>();
        layers.forEach(layer -> names.add(layer.path("name").asString()));
        assertThat(names).containsExactly("reports", "cameras", "merchants", "schools", "clinics", "cooperatives",
                "trace_locations", "growing-areas");
        JsonNode growingAreas = layers.get(names.indexOf("growing-areas"));
        assertThat(growingAreas.path("title").path("vi").asString()).isEqualTo("Vùng trồng và ao nuôi");
        assertThat(growingAreas.path("title").path("en").asString()).isEqualTo("Growing areas and ponds");
        assertThat(growingAreas.path("geometryType").asString()).isEqualTo("MultiPolygon");
        get("/api/v1/analyses/layers?layer=schools").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void communeCountsAndDensity() throws SQLException {
        JsonNode collection = get("/api/v1/analyses/communes?layer=schools").expect(200);

        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("features")).hasSize(4);
        Map<String, JsonNode> byCode = byCode(collection);
        assertThat(byCode.get("90001").path("properties").path("featureCount").asLong()).isEqualTo(2);
        assertThat(byCode.get("90002").path("properties").path("featureCount").asLong()).isEqualTo(1);
        assertThat(byCode.get("90003").path("properties").path("featureCount").asLong()).isEqualTo(2);
        assertThat(byCode.get("90004").path("properties").path("featureCount").asLong()).isZero();

        double areaKm2 = referenceArea("90001");
        JsonNode tanThuan = byCode.get("90001").path("properties");
        assertThat(tanThuan.path("areaKm2").asDouble()).isCloseTo(areaKm2, within(0.001));
        assertThat(tanThuan.path("densityPerKm2").asDouble()).isCloseTo(2 / areaKm2, within(0.001));
        assertThat(byCode.get("90001").path("geometry").path("type").asString()).isEqualTo("Polygon");
    }

    @Test
    void sharesByAttribute() {
        JsonNode collection = get("/api/v1/analyses/communes?layer=schools&attribute=school_level&geometry=false")
                .expect(200);

        Map<String, JsonNode> byCode = byCode(collection);
        JsonNode binhHang = byCode.get("90003").path("properties").path("shares");
        assertThat(binhHang.path("upper_secondary").path("count").asLong()).isEqualTo(1);
        assertThat(binhHang.path("upper_secondary").path("share").asDouble()).isEqualTo(0.5);
        assertThat(binhHang.path("null").path("count").asLong()).isEqualTo(1);
        assertThat(byCode.get("90001").path("properties").path("shares").path("primary").path("share").asDouble())
                .isEqualTo(1.0);
        assertThat(byCode.get("90001").path("geometry").isNull()).isTrue();
    }

    @Test
    void coverageMatchesGeodesicReference() throws SQLException {
        JsonNode coverage = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2000").expect(200);

        Map<String, Long> expected = referenceBeyond(2000);
        assertThat(coverage.path("beyondCount").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        assertThat(coverage.path("featureCount").asLong()).isEqualTo(5);
        for (JsonNode commune : coverage.path("communes")) {
            assertThat(commune.path("beyondCount").asLong()).as(commune.path("code").asString())
                    .isEqualTo(expected.getOrDefault(commune.path("code").asString(), 0L));
        }
        JsonNode beyond = coverage.path("beyond").path("features");
        assertThat(beyond).hasSize(3);
        assertThat(beyond.get(0).path("properties").path("name").asString()).isEqualTo("Trường Tiểu học B");
        assertThat(beyond.get(0).path("properties").path("nearestDistanceMetres").asDouble()).isGreaterThan(2000);
    }

    @Test
    void coverageOfOneCommuneWithLimit() {
        JsonNode coverage = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2000&commune=90003&limit=1")
                .expect(200);

        assertThat(coverage.path("communes")).hasSize(1);
        assertThat(coverage.path("communes").get(0).path("beyondShare").asDouble()).isEqualTo(1.0);
        assertThat(coverage.path("beyond").path("numberMatched").asLong()).isEqualTo(2);
        assertThat(coverage.path("beyond").path("numberReturned").asLong()).isEqualTo(1);
    }

    @Test
    void communeWithoutFeaturesHasNoShare() {
        JsonNode coverage = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2000").expect(200);

        JsonNode longThuan = null;
        for (JsonNode commune : coverage.path("communes")) {
            if (commune.path("code").asString().equals("90004")) {
                longThuan = commune;
            }
        }
        assertThat(longThuan).isNotNull();
        assertThat(longThuan.path("featureCount").asLong()).isZero();
        assertThat(longThuan.path("beyondShare").isNull()).isTrue();
        assertThat(coverage.path("targetFeatureCount").asLong()).isEqualTo(2);
    }

    @Test
    void beyondFeaturesPageWithNextLinks() {
        String first = "/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2000&limit=2";
        JsonNode page = get(first).expect(200).path("beyond");
        List<String> names = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            page.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
            String next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    next = link.path("href").asString();
                }
            }
            if (next == null) {
                break;
            }
            page = get(next).expect(200).path("beyond");
        }

        assertThat(pages).isEqualTo(2);
        assertThat(names).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void limitAboveMaximumIsCapped() {
        JsonNode beyond = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2000&limit=100000")
                .expect(200).path("beyond");

        assertThat(beyond.path("numberReturned").asLong()).isEqualTo(3);
    }

    @Test
    void largerDistanceCoversMore() {
        long at2km = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2000").expect(200)
                .path("beyondCount").asLong();
        long at10km = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=10000").expect(200)
                .path("beyondCount").asLong();

        assertThat(at10km).isLessThan(at2km);
    }

    @Test
    void invalidParametersExplained() {
        assertThat(get("/api/v1/analyses/communes").expectProblem(400, "/problems/invalid-parameter")
                .path("detail").asString()).contains("'layer' is missing");
        assertThat(get("/api/v1/analyses/communes?layer=communes").expectProblem(400, "/problems/invalid-parameter")
                .path("detail").asString()).contains("not a layer of the analyses").contains("schools");
        assertThat(get("/api/v1/analyses/communes?layer=schools&attribute=name")
                .expectProblem(400, "/problems/invalid-parameter").path("detail").asString()).contains("school_level");
        get("/api/v1/analyses/communes?layer=schools&geometry=yes").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/analyses/coverage?layer=schools&target=clinics").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=0").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=abc").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/analyses/coverage?layer=schools&target=schools&distance=10").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=10&commune=99999")
                .expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=10&limit=-1")
                .expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void invalidDistanceExplainedInMetres() {
        String notNumber = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=2km")
                .expectProblem(400, "/problems/invalid-parameter").path("detail").asString();
        String outOfRange = get("/api/v1/analyses/coverage?layer=schools&target=clinics&distance=0")
                .expectProblem(400, "/problems/invalid-parameter").path("detail").asString();

        assertThat(notNumber).contains("for example 2000");
        assertThat(notNumber).doesNotContain("105.63");
        assertThat(outOfRange).contains("value 0 is out of range");
    }

    @Test
    void emptyTargetLeavesEverythingBeyond() {
        JsonNode coverage = get("/api/v1/analyses/coverage?layer=schools&target=merchants&distance=500").expect(200);

        assertThat(coverage.path("beyondCount").asLong()).isEqualTo(5);
        assertThat(coverage.path("targetFeatureCount").asLong()).isZero();
        assertThat(coverage.path("beyond").path("features").get(0).path("properties").path("nearestDistanceMetres")
                .isNull()).isTrue();
    }

    private static Map<String, JsonNode> byCode(JsonNode collection) {
        Map<String, JsonNode> byCode = new HashMap<>();
        collection.path("features").forEach(feature -> byCode.put(feature.path("id").asString(), feature));
        return byCode;
    }

    private static double referenceArea(String code) throws SQLException {
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT ST_Area(geom::geography) / 1e6 FROM admin_unit WHERE code = ?")) {
            statement.setString(1, code);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    private static Map<String, Long> referenceBeyond(double metres) throws SQLException {
        Map<String, Long> beyond = new HashMap<>();
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT s.commune_code, count(*) FROM school s WHERE NOT EXISTS (SELECT 1 FROM clinic c"
                        + " WHERE ST_Distance(c.geom::geography, s.geom::geography) <= ?) GROUP BY 1")) {
            statement.setDouble(1, metres);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    beyond.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return beyond;
    }
}
