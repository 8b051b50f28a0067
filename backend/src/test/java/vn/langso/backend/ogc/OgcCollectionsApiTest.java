package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The collections of the OGC API and their metadata: extent, CRSs, titles and queryables. */
class OgcCollectionsApiTest extends ApiTestSupport {

    private static final List<String> SUPPORTED_CRS = List.of(
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
            "http://www.opengis.net/def/crs/EPSG/0/4326",
            "http://www.opengis.net/def/crs/EPSG/0/3857",
            "http://www.opengis.net/def/crs/EPSG/0/3405");

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void collectionsListPublicLayersAndUnits() {
        JsonNode collections = get("/ogc/collections").expect(200).path("collections");

        List<String> ids = new ArrayList<>();
        collections.forEach(collection -> ids.add(collection.path("id").asString()));
        assertThat(ids).containsExactly("reports", "cameras", "merchants", "schools", "clinics", "cooperatives",
                "trace_locations", "growing-areas", "communes", "admin-units");
    }

    @Test
    void collectionHasCrsListAndStorageCrs() {
        JsonNode clinics = get("/ogc/collections/clinics").expect(200);

        List<String> crs = new ArrayList<>();
        clinics.path("crs").forEach(uri -> crs.add(uri.asString()));
        assertThat(crs).containsExactlyElementsOf(SUPPORTED_CRS);
        assertThat(clinics.path("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        assertThat(clinics.path("itemType").asString()).isEqualTo("feature");
    }

    @Test
    void collectionLinksToItemsAndQueryables() {
        JsonNode clinics = get("/ogc/collections/clinics").expect(200);

        String base = "http://127.0.0.1:" + port() + "/ogc/collections/clinics";
        List<String> items = new ArrayList<>();
        clinics.path("links").forEach(link -> {
            if (link.path("rel").asString().equals("items")) {
                items.add(link.path("type").asString() + " " + link.path("href").asString());
            }
        });
        assertThat(items).containsExactly("application/geo+json " + base + "/items",
                "text/html " + base + "/items?f=html");
        Map<String, JsonNode> links = OgcTestLinks.byRel(clinics);
        assertThat(links.get("self").path("href").asString()).isEqualTo(base + "?f=json");
        assertThat(links.get("alternate").path("type").asString()).isEqualTo("text/html");
        assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/queryables").path("href").asString())
                .isEqualTo(base + "/queryables");
        assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector").path("href").asString())
                .isEqualTo(base + "/tiles");
        assertThat(OgcTestLinks.byRel(get("/ogc/collections/admin-units").expect(200)))
                .doesNotContainKey("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
    }

    @Test
    void extentComesFromData() {
        JsonNode extent = get("/ogc/collections/clinics").expect(200).path("extent");

        JsonNode bbox = extent.path("spatial").path("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isEqualTo(105.6329);
        assertThat(bbox.get(1).asDouble()).isEqualTo(10.36);
        assertThat(bbox.get(2).asDouble()).isEqualTo(106.36);
        assertThat(bbox.get(3).asDouble()).isEqualTo(10.5);
        assertThat(extent.path("spatial").path("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        JsonNode interval = extent.path("temporal").path("interval").get(0);
        assertThat(interval.get(0).asString()).endsWith("Z");
        assertThat(interval.get(1).asString()).endsWith("Z");
    }

    @Test
    void temporalExtentSelectsEveryFeature() {
        // updated_at keeps microseconds, so an extent cut to whole seconds would end before its last feature.
        for (String id : List.of("clinics", "growing-areas")) {
            JsonNode interval = get("/ogc/collections/" + id).expect(200)
                    .path("extent").path("temporal").path("interval").get(0);
            String datetime = interval.get(0).asString() + "/" + interval.get(1).asString();
            String items = "/ogc/collections/" + id + "/items";

            long matched = get(uri -> uri.path(items).queryParam("datetime", "{datetime}").build(datetime))
                    .expect(200).path("numberMatched").asLong();
            assertThat(matched).as("features of %s within datetime=%s", id, datetime)
                    .isEqualTo(get(items).expect(200).path("numberMatched").asLong());
        }
    }

    @Test
    void reportsTemporalExtentFromReportedAt() {
        JsonNode interval = get("/ogc/collections/reports").expect(200)
                .path("extent").path("temporal").path("interval").get(0);

        assertThat(interval.get(0).asString()).isEqualTo("2025-06-30T20:00:00Z");
        assertThat(interval.get(1).asString()).isEqualTo("2025-07-02T03:30:00Z");
    }

    @Test
    void adminUnitsTemporalExtentOpenWhileCurrent() {
        JsonNode interval = get("/ogc/collections/admin-units").expect(200)
                .path("extent").path("temporal").path("interval").get(0);

        // valid_from 2004-01-01 starts at midnight in Vietnam time.
        assertThat(interval.get(0).asString()).isEqualTo("2003-12-31T17:00:00Z");
        assertThat(interval.get(1).isNull()).isTrue();
    }

    @Test
    void emptyLayerUsesCommunesExtent() {
        JsonNode extent = get("/ogc/collections/schools").expect(200).path("extent");

        JsonNode bbox = extent.path("spatial").path("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isEqualTo(105.60);
        assertThat(bbox.get(2).asDouble()).isEqualTo(105.72);
        assertThat(extent.path("temporal").path("interval").get(0).get(0).isNull()).isTrue();
    }

    @Test
    void titlesInEnglishByDefaultAndVietnameseOnRequest() {
        JsonNode english = get("/ogc/collections/clinics").expect(200);
        assertThat(english.path("title").asString()).isEqualTo("Health facilities");

        String vietnamese = client.get().uri("/ogc/collections/clinics").header("Accept-Language", "vi")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "vi")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(vietnamese).contains("\"title\":\"Cơ sở y tế\"");
    }

    @Test
    void personalDataLayerHidden() {
        JsonNode collections = get("/ogc/collections").expect(200).path("collections");

        collections.forEach(collection -> assertThat(collection.path("id").asString()).isNotEqualTo("private_places"));
        get("/ogc/collections/private_places").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/private_places/items").expectProblem(404, "/problems/not-found");
    }

    @Test
    void unknownCollectionNotFound() {
        JsonNode problem = get("/ogc/collections/nothing/items").expectProblem(404, "/problems/not-found");

        assertThat(problem.path("detail").asString()).contains("nothing").contains("clinics");
        get("/ogc/collections/nothing").expectProblem(404, "/problems/not-found");
        get("/ogc/collections/nothing/queryables").expectProblem(404, "/problems/not-found");
    }

    @Test
    void queryablesListTypedProperties() {
        JsonResponse response = get("/ogc/collections/clinics/queryables");
        JsonNode schema = response.expect(200);

        assertThat(response.contentType()).startsWith("application/schema+json");
        assertThat(schema.path("type").asString()).isEqualTo("object");
        JsonNode properties = schema.path("properties");
        assertThat(properties.path("beds").path("type").asString()).isEqualTo("integer");
        assertThat(properties.path("facility_type").path("type").asString()).isEqualTo("string");
        assertThat(properties.path("updated_at").path("format").asString()).isEqualTo("date-time");
        assertThat(properties.path("geometry").path("format").asString()).isEqualTo("geometry-point");
        assertThat(properties.path("geometry").path("x-ogc-role").asString()).isEqualTo("primary-geometry");
        assertThat(get("/ogc/collections/communes/queryables").expect(200).path("properties").path("geometry")
                .path("format").asString()).isEqualTo("geometry-multipolygon");
        for (String internal : List.of("source", "source_key", "name_folded", "geom", "properties", "created_at")) {
            assertThat(properties.has(internal)).as("queryable %s", internal).isFalse();
        }
    }

    @Test
    void queryablesMarkTemporalRoles() {
        JsonNode clinics = get("/ogc/collections/clinics/queryables").expect(200).path("properties");
        JsonNode reports = get("/ogc/collections/reports/queryables").expect(200).path("properties");
        JsonNode units = get("/ogc/collections/admin-units/queryables").expect(200).path("properties");

        assertThat(clinics.path("updated_at").path("x-ogc-role").asString()).isEqualTo("primary-instant");
        assertThat(reports.path("reported_at").path("x-ogc-role").asString()).isEqualTo("primary-instant");
        assertThat(reports.path("reported_at").path("format").asString()).isEqualTo("date-time");
        assertThat(reports.path("updated_at").has("x-ogc-role")).isFalse();
        assertThat(units.path("valid_from").path("x-ogc-role").asString()).isEqualTo("primary-interval-start");
        assertThat(units.path("valid_to").path("x-ogc-role").asString()).isEqualTo("primary-interval-end");
        assertThat(units.path("valid_to").path("format").asString()).isEqualTo("date");
        assertThat(units.path("name").has("x-ogc-role")).isFalse();
    }

    @Test
    void collectionsInHtmlEscapeTitles() {
        String html = client.get().uri("/ogc/collections?f=html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("Health facilities").contains("/ogc/collections/clinics/items");
    }
}
