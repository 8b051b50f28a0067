package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** Items of the OGC API: the FeatureCollection members, limit and paging through next and prev links. */
@TestPropertySource(properties = {"langso.api.default-limit=2", "langso.api.max-limit=4"})
class OgcItemsPagingApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void itemsAreGeoJsonFeatureCollection() {
        JsonResponse response = get("/ogc/collections/clinics/items");
        JsonNode page = response.expect(200);

        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(page.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(page.path("numberMatched").asLong()).isEqualTo(OgcFixtures.CLINIC_COUNT);
        assertThat(page.path("numberReturned").asInt()).isEqualTo(2);
        assertThat(page.path("features").size()).isEqualTo(2);
        assertThat(page.path("timeStamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode feature = page.path("features").get(0);
        assertThat(feature.path("type").asString()).isEqualTo("Feature");
        assertThat(feature.path("id").isIntegralNumber()).isTrue();
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(feature.path("properties").path("name").asString()).isEqualTo("Bệnh viện Đa khoa Đồng Tháp");
        assertThat(feature.path("properties").path("beds").asInt()).isEqualTo(500);
        assertThat(feature.path("properties").has("source_key")).isFalse();
    }

    @Test
    void limitAboveMaximumIsCappedWithNextLink() {
        JsonNode first = get("/ogc/collections/clinics/items?limit=100").expect(200);

        assertThat(first.path("numberReturned").asInt()).isEqualTo(4);
        assertThat(first.path("numberMatched").asLong()).isEqualTo(6);
        String next = OgcTestLinks.href(first, "next");
        assertThat(next).startsWith("http://127.0.0.1:" + port() + "/ogc/collections/clinics/items?")
                .contains("limit=4").contains("offset=4");
        assertThat(OgcTestLinks.href(first, "prev")).isNull();

        JsonNode second = getAbsolute(next).expect(200);
        assertThat(second.path("numberReturned").asInt()).isEqualTo(2);
        assertThat(OgcTestLinks.href(second, "next")).isNull();
        assertThat(OgcTestLinks.href(second, "prev")).contains("offset=0");
        List<Long> ids = new ArrayList<>();
        first.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
        second.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
        assertThat(ids).hasSize(6).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void pagingByDefaultLimitVisitsEveryFeatureOnce() {
        List<Long> ids = new ArrayList<>();
        String url = "http://127.0.0.1:" + port() + "/ogc/collections/clinics/items";
        int pages = 0;
        while (url != null && pages < 10) {
            JsonNode page = getAbsolute(url).expect(200);
            page.path("features").forEach(feature -> ids.add(feature.path("id").asLong()));
            url = OgcTestLinks.href(page, "next");
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(OgcFixtures.CLINIC_COUNT).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void prevLinkGoesBackOnePage() {
        JsonNode page = get("/ogc/collections/clinics/items?limit=2&offset=3").expect(200);

        assertThat(OgcTestLinks.href(page, "prev")).contains("offset=1").contains("limit=2");
        assertThat(OgcTestLinks.href(page, "next")).contains("offset=5");
    }

    @Test
    void prevPastEndGoesToLastPage() {
        // Six clinics in pages of two: the last page with items starts at offset 4.
        JsonNode page = get("/ogc/collections/clinics/items?limit=2&offset=50").expect(200);

        assertThat(page.path("numberReturned").asLong()).isZero();
        assertThat(OgcTestLinks.href(page, "prev")).contains("offset=4").contains("limit=2");
        assertThat(OgcTestLinks.href(page, "next")).isNull();
    }

    @Test
    void linksKeepFiltersAndCarryTypes() {
        JsonNode page = get("/ogc/collections/clinics/items?limit=1&ownership=public").expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(4);
        JsonNode next = OgcTestLinks.byRel(page).get("next");
        assertThat(next.path("href").asString()).contains("ownership=public");
        assertThat(next.path("type").asString()).isEqualTo("application/geo+json");
        assertThat(OgcTestLinks.byRel(page).get("self").path("type").asString()).isEqualTo("application/geo+json");
        assertThat(OgcTestLinks.byRel(page).get("alternate").path("type").asString()).isEqualTo("text/html");
        assertThat(OgcTestLinks.byRel(page).get("collection").path("href").asString())
                .endsWith("/ogc/collections/clinics");
    }

    @Test
    void offsetBeyondEndGivesEmptyPage() {
        JsonNode page = get("/ogc/collections/clinics/items?offset=50").expect(200);

        assertThat(page.path("features").isArray()).isTrue();
        assertThat(page.path("features").size()).isZero();
        assertThat(page.path("numberReturned").asInt()).isZero();
        assertThat(page.path("numberMatched").asLong()).isEqualTo(6);
        assertThat(OgcTestLinks.href(page, "next")).isNull();
    }

    @Test
    void emptyCollectionGivesEmptyFeatureCollection() {
        JsonNode page = get("/ogc/collections/schools/items").expect(200);

        assertThat(page.path("features").size()).isZero();
        assertThat(page.path("numberMatched").asLong()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "abc", "2.5", "", "-99999999999999999999", "５", "٥"})
    void invalidLimitRejected(String limit) {
        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("limit", "{limit}").build(limit))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("limit");
    }

    @Test
    void hugeLimitIsCapped() {
        JsonNode page = get("/ogc/collections/clinics/items?limit=99999999999999999999").expect(200);

        assertThat(page.path("numberReturned").asInt()).isEqualTo(4);
        assertThat(OgcTestLinks.href(page, "next")).contains("limit=4");
    }

    @Test
    void hugeOffsetRejectedWithItsRange() {
        JsonNode problem = get("/ogc/collections/clinics/items?offset=99999999999999999999")
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("out of range").contains("2147483647");
    }

    @Test
    void negativeOffsetRejected() {
        get("/ogc/collections/clinics/items?offset=-2").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void communesHaveCodeIds() {
        JsonNode page = get("/ogc/collections/communes/items?limit=4").expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(2);
        assertThat(page.path("features").get(0).path("id").asString()).isEqualTo("90001");
        assertThat(page.path("features").get(0).path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        JsonNode commune = get("/ogc/collections/communes/items/90002").expect(200);
        assertThat(commune.path("properties").path("name").asString()).isEqualTo("Mỹ Thọ");
        get("/ogc/collections/communes/items/30001").expectProblem(404, "/problems/not-found");
    }

    @Test
    void adminUnitsListEveryPeriod() {
        JsonNode page = get("/ogc/collections/admin-units/items?limit=4").expect(200);

        assertThat(page.path("numberMatched").asLong()).isEqualTo(4);
    }

    @Test
    void singleFeatureHasLinks() {
        long id = get("/ogc/collections/clinics/items?limit=1").expect(200).path("features").get(0).path("id").asLong();

        JsonResponse response = get("/ogc/collections/clinics/items/" + id);
        JsonNode feature = response.expect(200);
        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(response.headers().getFirst("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        assertThat(feature.path("id").asLong()).isEqualTo(id);
        assertThat(OgcTestLinks.byRel(feature).keySet()).contains("self", "alternate", "collection");
    }

    @Test
    void unknownFeatureNotFound() {
        get("/ogc/collections/clinics/items/999999").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/clinics/items/abc").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/clinics/items/1?limit=3").expectProblem(400, "/problems/invalid-parameter");
    }
}
