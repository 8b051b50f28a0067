package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** Output CRSs (crs parameter) with their axis order and the Content-Crs header. */
class OgcCrsApiTest extends ApiTestSupport {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
    private static final String VN2000_UTM_48N = "http://www.opengis.net/def/crs/EPSG/0/3405";
    private static final String HOSPITAL = "/ogc/collections/clinics/items?limit=1";

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void defaultIsCrs84LongitudeFirst() {
        JsonResponse response = get(HOSPITAL);
        JsonNode coordinates = firstCoordinates(response.expect(200));

        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<" + CRS84 + ">");
        assertThat(coordinates.get(0).asDouble()).isEqualTo(105.6329);
        assertThat(coordinates.get(1).asDouble()).isEqualTo(10.4603);
    }

    @Test
    void explicitCrs84IsLongitudeFirst() {
        JsonResponse response = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("limit", 1)
                .queryParam("crs", CRS84).build());
        JsonNode coordinates = firstCoordinates(response.expect(200));

        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<" + CRS84 + ">");
        assertThat(coordinates.get(0).asDouble()).isEqualTo(105.6329);
    }

    @Test
    void epsg4326IsLatitudeFirstWithHeader() {
        JsonResponse response = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("limit", 1)
                .queryParam("crs", EPSG_4326).build());
        JsonNode coordinates = firstCoordinates(response.expect(200));

        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<" + EPSG_4326 + ">");
        assertThat(coordinates.get(0).asDouble()).isEqualTo(10.4603);
        assertThat(coordinates.get(1).asDouble()).isEqualTo(105.6329);
    }

    @Test
    void vn2000Utm48nMatchesPostgis() throws SQLException {
        JsonResponse response = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("limit", 1)
                .queryParam("crs", VN2000_UTM_48N).build());
        JsonNode coordinates = firstCoordinates(response.expect(200));

        double[] expected = transform(105.6329, 10.4603, 3405);
        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<" + VN2000_UTM_48N + ">");
        assertThat(coordinates.get(0).asDouble()).isCloseTo(expected[0], within(0.01));
        assertThat(coordinates.get(1).asDouble()).isCloseTo(expected[1], within(0.01));
        // UTM 48N: easting about 569 km east of the zone's false origin, northing about 1157 km.
        assertThat(coordinates.get(0).asDouble()).isBetween(560_000.0, 580_000.0);
        assertThat(coordinates.get(1).asDouble()).isBetween(1_150_000.0, 1_170_000.0);
    }

    @Test
    void webMercatorMatchesPostgis() throws SQLException {
        JsonResponse response = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("limit", 1)
                .queryParam("crs", EPSG_3857).build());
        JsonNode coordinates = firstCoordinates(response.expect(200));

        double[] expected = transform(105.6329, 10.4603, 3857);
        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<" + EPSG_3857 + ">");
        assertThat(coordinates.get(0).asDouble()).isCloseTo(expected[0], within(0.01));
        assertThat(coordinates.get(1).asDouble()).isCloseTo(expected[1], within(0.01));
    }

    @Test
    void singleFeatureInRequestedCrs() {
        long id = get(HOSPITAL).expect(200).path("features").get(0).path("id").asLong();

        JsonResponse response = get(uri -> uri.path("/ogc/collections/clinics/items/" + id)
                .queryParam("crs", EPSG_4326).build());
        JsonNode coordinates = response.expect(200).path("geometry").path("coordinates");
        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<" + EPSG_4326 + ">");
        assertThat(coordinates.get(0).asDouble()).isEqualTo(10.4603);
    }

    @Test
    void polygonsTransformedToo() {
        JsonResponse response = get(uri -> uri.path("/ogc/collections/communes/items/90001")
                .queryParam("crs", EPSG_4326).build());
        JsonNode ring = response.expect(200).path("geometry").path("coordinates").get(0).get(0);

        ring.forEach(position -> {
            assertThat(position.get(0).asDouble()).isBetween(10.43, 10.49);
            assertThat(position.get(1).asDouble()).isBetween(105.60, 105.66);
        });
    }

    @Test
    void noCrsMemberInGeometry() {
        JsonNode geometry = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("limit", 1)
                .queryParam("crs", EPSG_3857).build()).expect(200).path("features").get(0).path("geometry");

        assertThat(geometry.has("crs")).isFalse();
    }

    @Test
    void unsupportedCrsRejected() {
        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items")
                .queryParam("crs", "EPSG:4326").build()).expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("crs");
        assertThat(problem.path("detail").asString()).contains(EPSG_4326);
        get(uri -> uri.path("/ogc/collections/clinics/items/1").queryParam("crs", "http://www.opengis.net/def/crs/EPSG/0/32648")
                .build()).expectProblem(400, "/problems/invalid-parameter");
    }

    private static JsonNode firstCoordinates(JsonNode page) {
        return page.path("features").get(0).path("geometry").path("coordinates");
    }

    private static double[] transform(double lon, double lat, int srid) throws SQLException {
        String sql = "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(" + lon + ", " + lat
                + "), 4326), " + srid + ") AS p) point";
        try (var connection = database().connect(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return new double[] {result.getDouble(1), result.getDouble(2)};
        }
    }
}
