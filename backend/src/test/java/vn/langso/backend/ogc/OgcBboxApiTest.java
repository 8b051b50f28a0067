package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The bbox and bbox-crs parameters of items requests, including boxes across the antimeridian. */
class OgcBboxApiTest extends ApiTestSupport {

    private static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void bboxSelectsFeaturesInside() {
        JsonNode page = get("/ogc/collections/clinics/items?bbox=105.6,10.4,105.7,10.5").expect(200);

        assertThat(names(page)).containsExactlyInAnyOrder("Bệnh viện Đa khoa Đồng Tháp", "Trạm Y tế xã Tân Thuận Tây",
                "Trung tâm Y tế Mỹ Thọ", OgcFixtures.SCRIPT_NAME);
        assertThat(page.path("numberMatched").asLong()).isEqualTo(4);
    }

    @Test
    void antimeridianBoxGives200WithBothSides() {
        JsonNode page = get("/ogc/collections/cameras/items?bbox=177,-10,-177,10").expect(200);

        assertThat(names(page)).containsExactlyInAnyOrder("Camera đảo Đông", "Camera đảo Tây");
    }

    @Test
    void antimeridianBoxWithoutFeaturesGives200() {
        JsonNode page = get("/ogc/collections/cameras/items?bbox=177,65,-177,70").expect(200);

        assertThat(page.path("numberMatched").asLong()).isZero();
    }

    @Test
    void sixValueBboxIgnoresHeights() {
        JsonNode page = get("/ogc/collections/clinics/items?bbox=105.6,10.4,-50,105.7,10.5,1000").expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(4);
    }

    @Test
    void bboxCrs4326IsLatitudeFirst() {
        JsonNode page = get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("bbox", "10.35,106.3,10.4,106.4")
                .queryParam("bbox-crs", EPSG_4326).build()).expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Quân y 120");
    }

    @Test
    void bboxCrs4326LongitudeFirstRejected() {
        JsonResponse response = get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("bbox", "106.3,10.35,106.4,10.4")
                .queryParam("bbox-crs", EPSG_4326).build());

        assertThat(response.status()).as("latitude 106.3 is out of range").isEqualTo(400);
        String detail = response.body().path("detail").asString();
        assertThat(detail).contains("bbox south 106.3 is not a latitude");
        assertThat(detail).contains("the order is south,west,north,east");
        assertThat(detail).doesNotContain("west,south,east,north)");
    }

    @Test
    void bboxCrs3857IsTransformed() {
        // 106.3..106.4 E, 10.35..10.4 N in Web Mercator metres, computed by PostGIS.
        double[] corners = projectedCorners(106.3, 10.35, 106.4, 10.4, 3857);
        JsonNode page = get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("bbox", String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f",
                        corners[0], corners[1], corners[2], corners[3]))
                .queryParam("bbox-crs", EPSG_3857).build()).expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Quân y 120");
    }

    @Test
    void bboxCrsVn2000IsTransformed() {
        double[] corners = projectedCorners(106.3, 10.35, 106.4, 10.4, 3405);
        JsonNode page = get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("bbox", String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f",
                        corners[0], corners[1], corners[2], corners[3]))
                .queryParam("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/3405").build()).expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Quân y 120");
    }

    @ParameterizedTest
    @ValueSource(ints = {3405, 3857})
    void zeroSizeProjectedBboxFindsCommune(int srid) {
        double[] point = projectedCorners(105.63, 10.46, 105.63, 10.46, srid);
        JsonNode page = get(uri -> uri.path("/ogc/collections/communes/items")
                .queryParam("bbox", String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%.3f",
                        point[0], point[1], point[0], point[1]))
                .queryParam("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/" + srid).build()).expect(200);

        assertThat(names(page)).containsExactly("Tân Thuận Tây");
        assertThat(page.path("numberMatched").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"105.63,10.46,105.63,10.46", "105.63,10.44,105.63,10.47", "105.61,10.46,105.64,10.46"})
    void pointOrLineBboxFindsCommune(String bbox) {
        JsonNode page = get("/ogc/collections/communes/items?bbox=" + bbox).expect(200);

        assertThat(names(page)).containsExactly("Tân Thuận Tây");
        assertThat(page.path("numberMatched").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-100000000000000000000,-1,100000000000000000000,1|3405|easting -1E+20 is outside 0..1000000 metres",
            "563000,1159000,563000,99999999999|3405|northing 99999999999 is outside 0..9400000 metres",
            "30000000,1171000,30000000,1171000|3857|easting 30000000 is outside"
                    + " -20037508.342789244..20037508.342789244 metres"})
    void projectedBboxOutsideCrsRejected(String bbox, int srid, String reason) {
        String crs = "http://www.opengis.net/def/crs/EPSG/0/" + srid;
        JsonNode problem = get(uri -> uri.path("/ogc/collections/communes/items")
                .queryParam("bbox", bbox).queryParam("bbox-crs", crs).build())
                .expectProblem(400, "/problems/invalid-bbox");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("bbox");
        assertThat(problem.path("detail").asString()).contains(reason);
        assertThat(problem.path("detail").asString()).contains("the range of bbox-crs " + crs);
    }

    @Test
    void projectedBboxWithMinAboveMaxRejected() {
        get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("bbox", "600000,1150000,500000,1160000")
                .queryParam("bbox-crs", EPSG_3857).build()).expectProblem(400, "/problems/invalid-bbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3", "1,2,3,4,5", "a,b,c,d", "105,11,106,10", "105,10,106,95", "-200,10,106,11", ""})
    void malformedBboxRejected(String bbox) {
        JsonNode problem = get("/ogc/collections/clinics/items?bbox=" + bbox).expectProblem(400, "/problems/invalid-bbox");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("bbox");
    }

    @Test
    void unsupportedBboxCrsRejected() {
        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("bbox", "1,2,3,4")
                .queryParam("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/9999").build())
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("EPSG/0/9999").contains("CRS84");
    }

    @Test
    void bboxCrsWithoutBboxRejected() {
        get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("bbox-crs", EPSG_4326).build())
                .expectProblem(400, "/problems/invalid-parameter");
    }

    private static double[] projectedCorners(double west, double south, double east, double north, int srid) {
        String sql = "SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (SELECT ST_Transform(ST_MakeEnvelope("
                + west + ", " + south + ", " + east + ", " + north + ", 4326), " + srid + ") AS b) box";
        try (var connection = database().connect(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return new double[] {result.getDouble(1), result.getDouble(2), result.getDouble(3), result.getDouble(4)};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Transforming the test box failed: " + e.getMessage(), e);
        }
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
        return names;
    }
}
