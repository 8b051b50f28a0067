package vn.langso.backend.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.reports.MultipartBody;
import vn.langso.backend.reports.ReportApiTestSupport;
import vn.langso.backend.reports.ReportTestData;
import vn.langso.gis.testing.SharedData;

/**
 * GeoReport v2: every JSON response that the Open311 JSON Schemas cover is validated against them, and each XML
 * response must carry the same content as its JSON twin.
 */
class Open311ApiTest extends ReportApiTestSupport {

    private static final String SCHEMA_BASE = "file:///open311/schema-validation/";
    private static final Map<String, String> XML_LISTS = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint", "formats", "format");

    @Test
    void servicesValidateAndMatchXml() {
        JsonNode services = getAs(null, "/open311/v2/services.json").expect(200);

        assertValid("services.json", services);
        assertThat(services.valueStream().map(service -> service.path("service_code").asString()))
                .contains("street_light", "flooding", "waste");
        assertSameAsXml("/open311/v2/services");
    }

    @Test
    void schemaCheckRejectsWrongDocument() {
        JsonNode wrong = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("[{\"service_request_id\": 7, \"status\": \"pending\"}]");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertValid("requests.json", wrong))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("service_code");
    }

    @Test
    void serviceDefinitionValidatesWithAttributes() {
        JsonNode definition = getAs(null, "/open311/v2/services/street_light.json").expect(200);

        assertValid("service-definition.json", definition);
        assertThat(definition.path("attributes").valueStream().map(attribute -> attribute.path("code").asString()))
                .containsExactly("hazard", "pole_number");
        assertThat(definition.path("attributes").get(0).path("values").size()).isEqualTo(3);
        assertSameAsXml("/open311/v2/services/street_light");
        assertOpen311Error(getAs(null, "/open311/v2/services/potholes.json"), 404);
    }

    @Test
    void postWithoutLocationGets400() {
        Reply json = postForm("/open311/v2/requests.json", form("service_code", "waste", "description", "Rác"));
        var xml = client.post().uri("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("service_code", "waste", "description", "Rác"))).exchange()
                .expectBody(String.class).returnResult();

        assertOpen311Error(json, 400);
        assertThat(json.body().get(0).path("description").asString()).contains("lat").contains("address_string");
        assertThat(xml.getStatus().value()).isEqualTo(400);
        assertThat(String.valueOf(xml.getResponseHeaders().getContentType())).startsWith("text/xml");
        assertThat(xml.getResponseBody()).contains("<errors><error><code>400</code>");
    }

    @Test
    void postUnknownServiceCodeGets400() {
        Reply reply = postForm("/open311/v2/requests.json", form("service_code", "potholes",
                "lat", Double.toString(LAT_87001), "long", Double.toString(LON_87001), "description", "x"));

        assertOpen311Error(reply, 400);
        assertThat(reply.body().get(0).path("description").asString()).contains("potholes");
    }

    @Test
    void postedRequestReadableByIdAndToken() {
        Reply posted = postForm("/open311/v2/requests.json", form("service_code", "street_light",
                "lat", Double.toString(LAT_87001), "long", Double.toString(LON_87001),
                "description", "Đèn đường không sáng", "address_string", "12 Nguyễn Huệ",
                "first_name", "An", "last_name", "Nguyễn", "phone", "0901234567", "email", "an@example.org",
                "attribute[hazard]", "high", "attribute[unknown]", "x"));
        JsonNode created = posted.expect(201).get(0);
        String id = created.path("service_request_id").asString();
        String token = created.path("token").asString();

        JsonNode one = getAs(null, "/open311/v2/requests/" + id + ".json").expect(200);
        JsonNode byToken = getAs(null, "/open311/v2/tokens/" + token + ".json").expect(200);

        assertValid("requests.json", one);
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).path("status").asString()).isEqualTo("open");
        assertThat(one.get(0).path("description").asString()).isEqualTo("Đèn đường không sáng");
        assertThat(one.get(0).path("address").asString()).isEqualTo("12 Nguyễn Huệ");
        assertThat(one.get(0).path("lat").asDouble()).isEqualTo(LAT_87001);
        assertThat(one.toString()).doesNotContain("0901234567").doesNotContain("Nguyễn An").doesNotContain("example.org");
        assertThat(byToken.get(0).path("service_request_id").asString()).isEqualTo(id);
        assertSameAsXml("/open311/v2/requests/" + id);
        assertSameAsXml("/open311/v2/tokens/" + token);
        assertOpen311Error(getAs(null, "/open311/v2/requests/999999.json"), 404);
        assertOpen311Error(getAs(null, "/open311/v2/tokens/nope.json"), 404);
    }

    @Test
    void listFiltersAndWindow() {
        String waste = postForm("/open311/v2/requests.json", form("service_code", "waste", "lat", Double.toString(LAT_87001),
                "long", Double.toString(LON_87001), "description", "Rác")).expect(201).get(0).path("service_request_id").asString();
        String flood = postForm("/open311/v2/requests.json", form("service_code", "flooding", "lat", Double.toString(LAT_87001),
                "long", Double.toString(LON_87001), "description", "Ngập")).expect(201).get(0).path("service_request_id").asString();

        JsonNode all = getAs(null, "/open311/v2/requests.json").expect(200);
        JsonNode wasteOnly = getAs(null, "/open311/v2/requests.json?service_code=waste&status=open").expect(200);
        JsonNode closed = getAs(null, "/open311/v2/requests.json?status=closed").expect(200);
        JsonNode byIds = getAs(null, "/open311/v2/requests.json?service_request_id=" + waste + "," + flood).expect(200);
        JsonNode old = getAs(null, "/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z")
                .expect(200);

        assertValid("requests.json", all);
        assertValid("requests.json", wasteOnly);
        assertThat(ids(all)).contains(waste, flood);
        assertThat(ids(wasteOnly)).contains(waste).doesNotContain(flood);
        assertThat(ids(closed)).doesNotContain(waste, flood);
        assertThat(ids(byIds)).containsExactlyInAnyOrder(waste, flood);
        assertThat(old.size()).isZero();
        assertSameAsXml("/open311/v2/requests", "?service_code=waste");
        assertOpen311Error(getAs(null, "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z"), 400);
        assertOpen311Error(getAs(null, "/open311/v2/requests.json?start_date=yesterday"), 400);
        assertOpen311Error(getAs(null, "/open311/v2/requests.json?status=pending"), 400);
    }

    @Test
    void multipartUploadBecomesMediaUrl() {
        MultipartBody body = new MultipartBody().text("service_code", "waste").text("lat", Double.toString(LAT_87001))
                .text("long", Double.toString(LON_87001)).text("description", "Rác có ảnh")
                .file("media", "anh.jpg", "image/jpeg", ReportTestData.picture("jpeg", 32, 24));
        Reply posted = reply(client.post().uri("/open311/v2/requests.json").contentType(MultipartBody.contentType())
                .bodyValue(body.bytes()));
        String id = posted.expect(201).get(0).path("service_request_id").asString();

        JsonNode request = getAs(null, "/open311/v2/requests/" + id + ".json").expect(200).get(0);

        assertValid("requests.json", getAs(null, "/open311/v2/requests/" + id + ".json").body());
        assertThat(request.path("media_url").asString()).startsWith("http://127.0.0.1:").contains("/api/v1/reports/" + id + "/media/");
        client.get().uri(request.path("media_url").asString()).exchange().expectStatus().isOk();
    }

    @Test
    void jurisdictionAndFormatChecked() {
        assertOpen311Error(getAs(null, "/open311/v2/services.json?jurisdiction_id=hanoi.example"), 404);
        getAs(null, "/open311/v2/services.json?jurisdiction_id=dongthap.langso.vn").expect(200);
        assertThat(getAs(null, "/open311/v2/services.csv").status()).isEqualTo(404);
        JsonNode discovery = getAs(null, "/open311/v2/discovery.json").expect(200);
        assertThat(discovery.path("endpoints").get(0).path("url").asString()).endsWith("/open311/v2");
        assertSameAsXml("/open311/v2/discovery");
    }

    @Test
    void errorListInXml() throws Exception {
        String xml = client.get().uri("/open311/v2/services/potholes.xml").exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();

        Element root = parse(xml);
        assertThat(root.getTagName()).isEqualTo("errors");
        Element error = (Element) root.getElementsByTagName("error").item(0);
        assertThat(error.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("404");
        assertThat(error.getElementsByTagName("description").item(0).getTextContent()).contains("potholes");
    }

    private static List<String> ids(JsonNode requests) {
        return requests.valueStream().map(request -> request.path("service_request_id").asString()).toList();
    }

    private Reply postForm(String path, MultiValueMap<String, String> form) {
        return reply(client.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)));
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static void assertOpen311Error(Reply reply, int status) {
        assertThat(reply.status()).as("status; body %s", reply.body()).isEqualTo(status);
        assertThat(reply.body().isArray()).as("errors array: %s", reply.body()).isTrue();
        assertThat(reply.body().get(0).path("code").asInt()).isEqualTo(status);
        assertThat(reply.body().get(0).path("description").asString()).isNotBlank();
    }

    private static void assertValid(String schemaFile, JsonNode document) {
        Path folder = SharedData.require("open311/schema-validation");
        // The schemas refer to each other by relative names; they are read from the folder, never fetched.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemas(iri -> iri.startsWith(SCHEMA_BASE) ? read(folder.resolve(iri.substring(SCHEMA_BASE.length()))) : null));
        Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaFile));
        List<Error> errors = schema.validate(document);
        assertThat(errors).as("%s against %s", document, schemaFile).isEmpty();
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertSameAsXml(String pathWithoutFormat) {
        assertSameAsXml(pathWithoutFormat, "");
    }

    /** Compares the JSON and XML responses as trees of strings. */
    private void assertSameAsXml(String pathWithoutFormat, String query) {
        JsonNode json = getAs(null, pathWithoutFormat + ".json" + query).body();
        var result = client.get().uri(pathWithoutFormat + ".xml" + query).exchange().expectBody(String.class).returnResult();

        assertThat(String.valueOf(result.getResponseHeaders().getContentType())).startsWith("text/xml");
        Object fromXml;
        try {
            fromXml = fromXml(parse(result.getResponseBody()));
        } catch (Exception e) {
            throw new AssertionError("Invalid XML: " + result.getResponseBody(), e);
        }
        assertThat(fromXml).as("XML of %s", pathWithoutFormat).isEqualTo(fromJson(json));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static Object fromXml(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children.add(childElement);
            }
        }
        if (XML_LISTS.containsKey(element.getTagName())) {
            return children.stream().map(Open311ApiTest::fromXml).toList();
        }
        if (children.isEmpty()) {
            String text = element.getTextContent();
            return text.isEmpty() ? null : text;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        children.forEach(child -> map.put(child.getTagName(), fromXml(child)));
        return map;
    }

    private static Object fromJson(JsonNode node) {
        if (node.isArray()) {
            return node.valueStream().map(Open311ApiTest::fromJson).toList();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), fromJson(entry.getValue())));
            return map;
        }
        if (node.isNull()) {
            return null;
        }
        String text = node.asString();
        return text.isEmpty() ? null : text;
    }
}
