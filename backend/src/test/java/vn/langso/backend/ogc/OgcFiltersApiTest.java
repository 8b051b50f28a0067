package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** Property filters, unknown parameters and the HTML representation of items. */
class OgcFiltersApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void textPropertyFilter() {
        JsonNode page = get("/ogc/collections/clinics/items?facility_type=hospital").expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Bệnh viện Quân y 120");
        assertThat(page.path("numberMatched").asLong()).isEqualTo(2);
    }

    @Test
    void integerPropertyFilter() {
        assertThat(names(get("/ogc/collections/clinics/items?beds=500").expect(200)))
                .containsExactly("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(names(get("/ogc/collections/clinics/items?ownership=public&beds=100").expect(200)))
                .containsExactly("Trung tâm Y tế Mỹ Thọ");
        assertThat(names(get("/ogc/collections/clinics/items?ownership=private&beds=100").expect(200))).isEmpty();
    }

    @Test
    void decomposedUnicodeMatchesComposedName() {
        String decomposed = Normalizer.normalize("Trung tâm Y tế Mỹ Thọ", Normalizer.Form.NFD);

        JsonNode page = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("name", decomposed).build())
                .expect(200);
        assertThat(names(page)).containsExactly("Trung tâm Y tế Mỹ Thọ");
    }

    @Test
    void copiedTextCleanedLikeStoredNames() {
        String copied = "Bệnh viện \u00D0a khoa \u00D0ồng Tháp\u00A0 ";

        JsonNode page = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("name", copied).build())
                .expect(200);
        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void communeCodeFilterOnUnits() {
        JsonNode page = get("/ogc/collections/admin-units/items?level=district").expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(1);
        assertThat(page.path("features").get(0).path("properties").path("code").asString()).isEqualTo("866");
    }

    @Test
    void wrongTypeFilterRejected() {
        JsonNode problem = get("/ogc/collections/clinics/items?beds=many").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("beds");
        get("/ogc/collections/merchants/items?accepts_vietqr=yes").expectProblem(400, "/problems/invalid-parameter");
        get("/ogc/collections/clinics/items?updated_at=today").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void unknownParameterRejected() {
        JsonNode problem = get("/ogc/collections/clinics/items?colour=red").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("colour");
        assertThat(problem.path("detail").asString()).contains("bbox").contains("facility_type");
    }

    @Test
    void internalColumnNotFilterable() {
        get("/ogc/collections/clinics/items?source_key=1").expectProblem(400, "/problems/invalid-parameter");
        get("/ogc/collections/communes/items?level=commune").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void parameterGivenTwiceRejected() {
        get("/ogc/collections/clinics/items?limit=1&limit=2").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void htmlEscapesNames() {
        String html = client.get().uri("/ogc/collections/clinics/items?f=html&limit=10").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).doesNotContain("<script>").doesNotContain("\"Phòng khám\"");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Phòng khám&quot;");
        assertThat(html).contains("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void htmlOfSingleFeatureEscapesName() {
        long id = get("/ogc/collections/clinics/items?facility_type=clinic&ownership=private&limit=10").expect(200)
                .path("features").get(1).path("id").asLong();

        String html = client.get().uri("/ogc/collections/clinics/items/" + id + "?f=html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void htmlLinksKeepFormat() {
        String html = client.get().uri("/ogc/collections/clinics/items?f=html&limit=1").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("f=html&amp;limit=1&amp;offset=1");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
        return names;
    }
}
