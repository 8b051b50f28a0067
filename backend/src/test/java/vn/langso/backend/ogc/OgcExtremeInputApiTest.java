package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/**
 * Items requests with values at the edges of what a client can spell: numbers that PostgreSQL's numeric cannot hold,
 * exponents whose plain form has a million digits, multi-geometries without members, and a query string full of
 * unknown parameters. Each gets a short problem+json 400 that names the value, not a 500 and not a response of
 * megabytes.
 */
class OgcExtremeInputApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cql2-text | beds = 1e-20000                                                    | 1E-20000",
            "cql2-text | beds IN (5, -1e20000)                                              | -1E+20000",
            "cql2-json | {\"op\": \"=\", \"args\": [{\"property\": \"beds\"}, 1e400]}      | 1E+400",
            "cql2-json | {\"op\": \"<\", \"args\": [{\"property\": \"beds\"}, 1e-20000]}   | 1E-20000"})
    void outOfRangeNumberNamed(String language, String filter, String number) {
        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("filter", "{filter}")
                .queryParam("filter-lang", language).build(Map.of("filter", filter)))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("number " + number);
    }

    @Test
    void outOfRangePropertyFilterNamed() {
        JsonNode problem = get("/ogc/collections/cameras/items?view_direction_deg=1e-20000")
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("view_direction_deg");
        assertThat(problem.path("detail").asString()).contains("'1e-20000' is out of range");
    }

    @Test
    void hugeExponentKeptShort() {
        String filter = "S_DWITHIN(geometry, POINT(105.63 10.46), -1e-1000000)";

        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("filter", "{filter}")
                .build(Map.of("filter", filter))).expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.toString()).hasSizeLessThan(1000).contains("S_DWITHIN distance -1E-1000000 is out of range");
    }

    @Test
    void tinyCoordinateFiltersAsZero() {
        String filter = "S_INTERSECTS(geometry, BBOX(105.5, 1e-1000000, 105.695, 10.47))";

        JsonNode page = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("filter", "{filter}")
                .build(Map.of("filter", filter))).expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(3);
    }

    @Test
    void emptyGeometryCollectionNamed() {
        String filter = "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"},"
                + " {\"type\": \"GeometryCollection\", \"geometries\": []}]}";

        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("filter", "{filter}")
                .queryParam("filter-lang", "cql2-json").build(Map.of("filter", filter)))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("a GeometryCollection at $.args[1] has no geometry");
    }

    @Test
    void manyUnknownParametersNamedUpToTen() {
        String query = IntStream.range(0, 500).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

        JsonNode problem = get("/ogc/collections/clinics/items?" + query)
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams")).hasSize(10);
        assertThat(problem.path("detail").asString()).endsWith("490 more parameters are invalid; fix the ones named "
                + "above and send the request again to see the others.");
        assertThat(problem.toString()).hasSizeLessThan(10_000);
    }
}
