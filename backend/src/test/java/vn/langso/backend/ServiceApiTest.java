package vn.langso.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** Health, problem types, method errors, CORS and the OpenAPI document. */
@TestPropertySource(properties = "langso.cors.allowed-origins=http://127.0.0.1:8081")
class ServiceApiTest extends ApiTestSupport {

    private static final String UI_ORIGIN = "http://127.0.0.1:8081";

    @Test
    void healthUp() {
        JsonNode health = get("/api/v1/health").expect(200);

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("database").asString()).isEqualTo("UP");
    }

    @Test
    void problemTypesDescribed() {
        for (String slug : List.of("invalid-parameter", "invalid-bbox", "not-found", "outside-province",
                "malformed-request", "uri-too-long", "headers-too-large")) {
            JsonNode type = get("/problems/" + slug).expect(200);
            assertThat(type.path("type").asString()).isEqualTo("/problems/" + slug);
            assertThat(type.path("title").asString()).isNotBlank();
            assertThat(type.path("description").asString()).isNotBlank();
        }
        JsonNode problem = get("/problems/no-such-problem").expectProblem(404, "/problems/not-found");
        assertThat(problem.path("detail").asString()).contains("no-such-problem").contains("invalid-bbox");
    }

    @Test
    void headAnsweredWithoutBody() {
        EntityExchangeResult<byte[]> result = client.head().uri("/api/v1/layers/clinics/features?limit=1").exchange()
                .expectBody().returnResult();

        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(String.valueOf(result.getResponseHeaders().getContentType())).startsWith("application/geo+json");
        assertThat(result.getResponseBody()).isNullOrEmpty();
    }

    @Test
    void unknownPathIsProblem() {
        get("/api/v1/nothing").expectProblem(404, "/problems/not-found");
    }

    @Test
    void writeMethodRejected() {
        EntityExchangeResult<String> result = client.post().uri("/api/v1/layers").exchange()
                .expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).isEqualTo(405);
        assertThat(String.valueOf(result.getResponseHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(result.getResponseBody()).contains("/problems/method-not-allowed");
        assertThat(result.getResponseHeaders().getAllow()).contains(HttpMethod.GET);
        int deleteFeature = client.delete().uri("/api/v1/layers/clinics/features/1").exchange()
                .expectBody(String.class).returnResult().getStatus().value();
        assertThat(deleteFeature).isEqualTo(405);
    }

    @Test
    void corsAllowsReadsFromConfiguredOrigin() {
        EntityExchangeResult<String> preflight = client.options().uri("/api/v1/layers")
                .header(HttpHeaders.ORIGIN, UI_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange().expectBody(String.class).returnResult();
        assertThat(preflight.getStatus().value()).isEqualTo(200);
        assertThat(preflight.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(UI_ORIGIN);
        assertThat(preflight.getResponseHeaders().getAccessControlAllowMethods()).contains(HttpMethod.GET);

        HttpHeaders headers = client.get().uri("/api/v1/health").header(HttpHeaders.ORIGIN, UI_ORIGIN)
                .exchange().expectBody(String.class).returnResult().getResponseHeaders();
        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(UI_ORIGIN);
    }

    @Test
    void corsRejectsWritesAndOtherOrigins() {
        int post = client.options().uri("/api/v1/layers")
                .header(HttpHeaders.ORIGIN, UI_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectBody(String.class).returnResult().getStatus().value();
        assertThat(post).isEqualTo(403);

        int otherOrigin = client.get().uri("/api/v1/health").header(HttpHeaders.ORIGIN, "http://evil.example")
                .exchange().expectBody(String.class).returnResult().getStatus().value();
        assertThat(otherOrigin).isEqualTo(403);
    }

    @Test
    void openApiDocumentIsSelfContained() {
        JsonNode document = get("/api/v1/openapi.json").expect(200);

        assertThat(document.path("openapi").asString()).startsWith("3.0");
        List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
        assertThat(paths).contains("/api/v1/layers", "/api/v1/layers/{layer}/features", "/api/v1/layers/{layer}/features/{id}",
                "/api/v1/layers/{layer}/nearest", "/api/v1/communes", "/api/v1/communes/{code}", "/api/v1/communes/at",
                "/api/v1/communes/search", "/api/v1/admin-units", "/api/v1/health", "/api/v1/openapi.json");
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty().allSatisfy(reference -> assertThat(reference).startsWith("#/"));
        for (String reference : references) {
            JsonNode target = document.at(reference.substring(1));
            assertThat(target.isMissingNode()).as("target of %s", reference).isFalse();
        }
        JsonNode bbox = document.at("/components/parameters/bbox/schema");
        assertThat(bbox.path("minItems").asInt()).isEqualTo(4);
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                JsonNode value = node.get(name);
                if (name.equals("$ref")) {
                    references.add(value.asString());
                } else {
                    collectReferences(value, references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
