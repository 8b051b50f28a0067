package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** Landing page, conformance and the OpenAPI description of the OGC API. */
@TestPropertySource(properties = {"langso.api.default-limit=7", "langso.api.max-limit=70"})
class OgcLandingApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void landingPageLinksEverything() {
        JsonResponse response = get("/ogc");
        JsonNode page = response.expect(200);

        assertThat(response.contentType()).startsWith("application/json");
        assertThat(page.path("title").asString()).isNotBlank();
        Map<String, JsonNode> links = OgcTestLinks.byRel(page);
        assertThat(links.keySet()).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");
        String base = "http://127.0.0.1:" + port() + "/ogc";
        assertThat(links.get("service-desc").path("href").asString()).isEqualTo(base + "/api");
        assertThat(links.get("service-desc").path("type").asString())
                .isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        assertThat(links.get("service-doc").path("type").asString()).isEqualTo("text/html");
        assertThat(links.get("conformance").path("href").asString()).isEqualTo(base + "/conformance");
        assertThat(links.get("data").path("href").asString()).isEqualTo(base + "/collections");
        assertThat(links.get("data").path("type").asString()).isEqualTo("application/json");
        assertThat(links.get("self").path("type").asString()).isEqualTo("application/json");
        assertThat(links.get("alternate").path("type").asString()).isEqualTo("text/html");
    }

    @Test
    void landingPageWithTrailingSlash() {
        JsonNode page = get("/ogc/").expect(200);

        assertThat(OgcTestLinks.byRel(page)).containsKey("data");
    }

    @Test
    void landingPageInHtmlForBrowsers() {
        String html = client.get().uri("/ogc")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<a href=\"http://127.0.0.1:" + port() + "/ogc/api\"");
    }

    @Test
    void jsonWinsWhenAcceptRatesItHigher() {
        JsonResponse response = get("/ogc");
        assertThat(response.contentType()).startsWith("application/json");

        String type = client.get().uri("/ogc").header("Accept", "text/html;q=0.5, application/json")
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getContentType().toString();
        assertThat(type).startsWith("application/json");
    }

    @Test
    void landingPageInVietnamese() {
        String title = client.get().uri("/ogc").header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "vi")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(title).contains("dữ liệu bản đồ");
    }

    @Test
    void conformanceListsEveryClass() {
        JsonNode conformance = get("/ogc/conformance").expect(200);

        List<String> classes = new ArrayList<>();
        conformance.path("conformsTo").forEach(uri -> classes.add(uri.asString()));
        assertThat(classes).containsExactlyInAnyOrder(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    @Test
    void landingPageLinksTiles() {
        JsonNode page = get("/ogc").expect(200);

        var links = OgcTestLinks.byRel(page);
        assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes").path("href").asString())
                .endsWith("/ogc/tileMatrixSets");
        assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector").path("href").asString())
                .endsWith("/ogc/tiles");
        get("/ogc/tileMatrixSets").expect(200);
        get("/ogc/tiles").expect(200);
    }

    @Test
    void apiDocumentIsSelfContainedOpenApi30() {
        JsonResponse response = get("/ogc/api");
        JsonNode api = response.expect(200);

        assertThat(response.contentType()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        assertThat(api.path("openapi").asString()).startsWith("3.0.");
        assertThat(api.path("servers").get(0).path("url").asString()).isEqualTo("http://127.0.0.1:" + port() + "/ogc");
        List<String> references = new ArrayList<>();
        collectReferences(api, references);
        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(reference).startsWith("#/"));
        for (String reference : references) {
            assertThat(api.at(reference.substring(1)).isMissingNode()).as("target of %s", reference).isFalse();
        }
        assertThat(api.path("paths").has("/collections/{collectionId}/items")).isTrue();
        assertThat(api.path("paths").has("/collections/{collectionId}/items/{featureId}")).isTrue();
        // Tile conformance is declared, so the tile paths are described too.
        for (String tilePath : List.of("/tileMatrixSets", "/tileMatrixSets/{tileMatrixSetId}", "/tiles",
                "/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", "/collections/{collectionId}/tiles",
                "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")) {
            assertThat(api.path("paths").has(tilePath)).as(tilePath).isTrue();
        }
    }

    @Test
    void apiDocumentListsQueryablesPerCollection() {
        JsonNode api = get("/ogc/api").expect(200);

        JsonNode clinics = api.path("paths").path("/collections/clinics/items").path("get");
        assertThat(clinics.isMissingNode()).as("path /collections/clinics/items").isFalse();
        Map<String, JsonNode> parameters = new HashMap<>();
        for (JsonNode parameter : clinics.path("parameters")) {
            String reference = parameter.path("$ref").asString("");
            JsonNode resolved = reference.isEmpty() ? parameter : api.at(reference.substring(1));
            parameters.put(resolved.path("name").asString(), resolved);
        }
        assertThat(parameters).containsKeys("bbox", "datetime", "filter", "limit", "beds", "facility_type")
                .doesNotContainKey("collectionId");
        assertThat(parameters.get("beds").path("in").asString()).isEqualTo("query");
        assertThat(parameters.get("beds").path("schema").path("type").asString()).isEqualTo("integer");
        assertThat(api.path("paths").has("/collections/communes/items")).isTrue();
        assertThat(api.path("paths").has("/collections/private_places/items")).isFalse();
    }

    @Test
    void apiDocumentBboxAndLimitSchemas() {
        JsonNode parameters = get("/ogc/api").expect(200).path("components").path("parameters");

        JsonNode bbox = parameters.path("bbox").path("schema");
        assertThat(bbox.path("type").asString()).isEqualTo("array");
        assertThat(bbox.path("minItems").asInt()).isEqualTo(4);
        assertThat(bbox.path("maxItems").asInt()).isEqualTo(6);
        JsonNode limit = parameters.path("limit").path("schema");
        assertThat(limit.path("minimum").asInt()).isEqualTo(1);
        assertThat(limit.path("maximum").asInt()).isEqualTo(70);
        assertThat(limit.path("default").asInt()).isEqualTo(7);
    }

    @Test
    void unknownParameterRejected() {
        JsonNode problem = get("/ogc?foo=bar").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("foo");
        get("/ogc/conformance?foo=1").expectProblem(400, "/problems/invalid-parameter");
        get("/ogc/api?foo=1").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void unknownFormatRejected() {
        JsonNode problem = get("/ogc?f=xml").expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("detail").asString()).contains("xml").contains("html");
    }

    @Test
    void writeMethodsRejected() {
        client.post().uri("/ogc/collections").exchange().expectStatus().isEqualTo(405);
        client.delete().uri("/ogc/collections/clinics/items/1").exchange().expectStatus().isEqualTo(405);
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(member -> {
                if (member.getKey().equals("$ref")) {
                    references.add(member.getValue().asString());
                } else {
                    collectReferences(member.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    @Test
    void unknownOgcPathPointsToOgcDescription() {
        String ogc = get("/ogc/nothing/here").expectProblem(404, "/problems/not-found").path("detail").asString();
        String api = get("/api/v1/nothing").expectProblem(404, "/problems/not-found").path("detail").asString();

        assertThat(ogc).contains("/ogc/api").doesNotContain("/api/v1/openapi.json");
        assertThat(api).contains("/api/v1/openapi.json");
    }
}
