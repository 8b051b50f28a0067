package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import vn.langso.backend.testing.TestUsers;
import vn.langso.backend.traceability.PartnerTokens;

/** Query parameters, pagination, spatial queries and access of the EPCIS interface, on the shipped examples. */
@TestPropertySource(properties = "langso.traceability.partner-tokens=" + EpcisQueryApiTest.PARTNER_TOKEN)
class EpcisQueryApiTest extends EpcisTestSupport {

    static final String PARTNER_TOKEN = "test-partner-token-0123456789abcdef";

    private static final List<String> PRODUCTS = List.of("rice", "mango", "lotus", "pangasius", "shrimp");

    @BeforeAll
    static void fixtures() {
        execute(EpcisFixtures.statements());
    }

    private void captureExamples() {
        deleteEvents();
        for (String product : PRODUCTS) {
            assertStatus(post("/epcis/capture", EpcisFixtures.example(product)), 202, product);
        }
    }

    private static JsonNode eventList(JsonNode document) {
        return document.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
    }

    private JsonNode query(String parameters) {
        return eventList(get("/epcis/events?" + parameters).expect(200));
    }

    @Test
    void communeQueryReturnsExactlyItsEvents() {
        captureExamples();
        // Expected from the documents: a read point inside the commune's square, given by a geo: URI or master data.
        Set<String> expected = new HashSet<>();
        for (String product : PRODUCTS) {
            JsonNode events = JSON.readTree(EpcisFixtures.example(product)).path("epcisBody").path("eventList");
            for (JsonNode event : events) {
                String readPoint = event.path("readPoint").path("id").asString();
                double[] point = pointOf(readPoint);
                if (point != null && point[0] > 105.60 && point[0] < 105.70 && point[1] > 10.40 && point[1] < 10.50) {
                    expected.add(key(event));
                }
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);

        JsonNode events = query("commune=" + EpcisFixtures.COMMUNE_CAO_LANH + "&perPage=1000");

        Set<String> returned = new HashSet<>();
        events.values().forEach(event -> returned.add(key(event)));
        assertThat(returned).isEqualTo(expected);
        assertThat(events.size()).isEqualTo(expected.size());
    }

    @Test
    void communeQueryUsesGrowingAreaPolygons() {
        captureExamples();

        JsonNode events = query("commune=" + EpcisFixtures.COMMUNE_THAP_MUOI + "&EQ_bizStep=commissioning");

        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).path("readPoint").path("id").asString()).isEqualTo(EpcisFixtures.RICE_AREA);
    }

    @Test
    void unknownCommuneIsRejected() {
        get("/epcis/events?commune=12345").expectProblem(400, "/problems/invalid-parameter");
        JsonNode problem = get("/epcis/events?commune=abc").expect(400);
        assertThat(problem.path("type").asString()).isEqualTo("epcisException:QueryParameterException");
    }

    @Test
    void withinPolygonReturnsEventsInside() {
        captureExamples();
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[105.62,10.45],[105.64,10.45],[105.64,10.47],"
                + "[105.62,10.47],[105.62,10.45]]]}";

        JsonNode events = query("within=" + URLEncoder.encode(polygon, StandardCharsets.UTF_8) + "&perPage=100");

        // Cao Lãnh (105.6330, 10.4601): the rice mill, and the warehouse of lotus, pangasius and shrimp.
        assertThat(events.size()).isEqualTo(5);
        for (JsonNode event : events) {
            assertThat(event.path("readPoint").path("id").asString()).isIn("geo:10.4601,105.633", EpcisFixtures.RICE_MILL);
        }
        JsonNode invalid = get("/epcis/events?within=" + URLEncoder.encode("{\"type\":\"Point\"}", StandardCharsets.UTF_8)).expect(400);
        assertThat(invalid.path("invalidParams").get(0).path("name").asString()).isEqualTo("within");
    }

    @Test
    void standardFiltersSelectEvents() {
        captureExamples();

        assertThat(query("EQ_bizStep=shipping").size()).isEqualTo(5);
        assertThat(query("EQ_bizStep=" + URLEncoder.encode("urn:epcglobal:cbv:bizstep:shipping", StandardCharsets.UTF_8)).size())
                .isEqualTo(5);
        assertThat(query("EQ_bizStep=shipping%7Creceiving").size()).isEqualTo(10);
        assertThat(query("EQ_disposition=sellable_accessible").size()).isEqualTo(5);
        assertThat(query("eventType=AggregationEvent").size()).isZero();
        assertThat(query("eventType=ObjectEvent&perPage=100").size()).isEqualTo(20);
        assertThat(query("GE_eventTime=2026-07-21T00:00:00Z&LT_eventTime=2026-07-22T00:00:00Z").size()).isEqualTo(5);
        assertThat(query("MATCH_epcClass=urn:epc:class:lgtin:8930001.000001.LUA-2607").size()).isEqualTo(4);
        assertThat(query("MATCH_anyEPCClass=urn:epc:class:lgtin:8930001.000002.XOAI-2607").size()).isEqualTo(4);
        assertThat(query("MATCH_epc=urn:epc:class:lgtin:8930001.000001.LUA-2607").size()).isZero();
        assertThat(query("EQ_readPoint=" + EpcisFixtures.RICE_MILL).size()).isZero();
        assertThat(query("EQ_bizLocation=" + EpcisFixtures.RICE_MILL).size()).isEqualTo(1);
        assertThat(query("EQ_readPoint=" + EpcisFixtures.RICE_AREA).size()).isEqualTo(1);
    }

    @Test
    void epcMatchesByRoleAndPattern() {
        deleteEvents();
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "EPCISDocument",
                 "schemaVersion": "2.0", "creationDate": "2026-07-22T10:00:00+07:00", "epcisBody": {"eventList": [
                  {"type": "ObjectEvent", "eventTime": "2026-07-22T08:00:00+07:00", "eventTimeZoneOffset": "+07:00",
                   "eventID": "urn:uuid:6f1c1c2e-2d7b-4d2a-9b8e-1a2b3c4d5e01",
                   "action": "ADD", "epcList": ["urn:epc:id:sgtin:8930001.000001.1001"]},
                  {"type": "AggregationEvent", "eventTime": "2026-07-22T09:00:00+07:00", "eventTimeZoneOffset": "+07:00",
                   "eventID": "urn:uuid:6f1c1c2e-2d7b-4d2a-9b8e-1a2b3c4d5e02",
                   "action": "ADD", "parentID": "urn:epc:id:sscc:8930001.0000000001",
                   "childEPCs": ["urn:epc:id:sgtin:8930001.000001.1001"]}]}}""";
        assertStatus(post("/epcis/capture", document), 202, "inline document");

        assertThat(query("MATCH_epc=urn:epc:id:sgtin:8930001.000001.1001").size()).isEqualTo(2);
        assertThat(query("MATCH_parentID=urn:epc:id:sscc:8930001.0000000001").size()).isEqualTo(1);
        assertThat(query("MATCH_anyEPC=urn:epc:id:sscc:8930001.0000000001").size()).isEqualTo(1);
        assertThat(query("MATCH_epc=urn:epc:idpat:sgtin:8930001.000001.*").size()).isEqualTo(2);
        assertThat(query("MATCH_epc=urn:epc:idpat:sgtin:8930001.000009.*").size()).isZero();

        String id = "urn:uuid:6f1c1c2e-2d7b-4d2a-9b8e-1a2b3c4d5e02";
        JsonNode event = get("/epcis/events/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).expect(200);
        assertThat(event.path("eventID").asString()).isEqualTo(id);
        assertThat(event.path("type").asString()).isEqualTo("AggregationEvent");
        assertThat(event.path("@context").isArray()).isTrue();
        JsonNode missing = get("/epcis/events/urn:uuid:00000000-0000-0000-0000-000000000000").expect(404);
        assertThat(missing.path("type").asString()).isEqualTo("epcisException:NoSuchResourceException");
    }

    @Test
    void pagesFollowLinkHeader() {
        captureExamples();
        List<String> seen = new ArrayList<>();
        String next = "/epcis/events?perPage=3&orderBy=eventTime";
        int pages = 0;
        while (next != null) {
            var response = get(next);
            JsonNode events = eventList(response.expect(200));
            events.values().forEach(event -> seen.add(event.path("eventID").asString()));
            String link = response.headers().getFirst("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
            assertThat(pages).as("pages").isLessThan(20);
        }
        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(20).doesNotHaveDuplicates();
        get("/epcis/events?nextPageToken=bogus").expect(400);
        get("/epcis/events?perPage=0").expect(400);
    }

    @Test
    void unknownParameterIsRejected() {
        JsonNode problem = get("/epcis/events?EQ_colour=red").expect(400);
        assertThat(problem.path("type").asString()).isEqualTo("epcisException:QueryParameterException");
        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("EQ_colour");
        get("/epcis/events?GE_eventTime=yesterday").expect(400);
    }

    @Test
    void secondEventWithoutOffsetRejectsDocument() {
        deleteEvents();
        JsonNode document = JSON.readTree(EpcisFixtures.example("mango"));
        ((tools.jackson.databind.node.ObjectNode) document.path("epcisBody").path("eventList").get(1))
                .remove("eventTimeZoneOffset");

        PostResult result = post("/epcis/capture", document.toString());

        assertStatus(result, 400, "document without offset");
        JsonNode error = result.body().path("errors").get(0);
        assertThat(result.body().path("errors").size()).isEqualTo(1);
        assertThat(error.path("eventIndex").asInt()).isEqualTo(1);
        assertThat(error.path("field").asString()).isEqualTo("epcisBody.eventList[1].eventTimeZoneOffset");
        assertThat(storedEventCount()).isZero();
    }

    @Test
    void swappedGeoUriIsRejected() {
        deleteEvents();
        String document = EpcisFixtures.example("shrimp").replace("geo:10.7003,105.5502", "geo:105.5502,10.7003");

        PostResult result = post("/epcis/capture", document);

        assertStatus(result, 400, "swapped geo URI");
        JsonNode error = result.body().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("epcisBody.eventList[1].readPoint.id");
        assertThat(error.path("reason").asString()).contains("latitude first");
        assertThat(storedEventCount()).isZero();
    }

    @Test
    void decomposedLotMatchesComposedLot() {
        deleteEvents();
        String decomposed = java.text.Normalizer.normalize("LÚA-2607", java.text.Normalizer.Form.NFD);
        String document = EpcisFixtures.example("rice").replace("LUA-2607", decomposed);
        assertThat(document).contains(decomposed);
        assertStatus(post("/epcis/capture", document), 202, "NFD lot");

        String composed = URLEncoder.encode("LÚA-2607", StandardCharsets.UTF_8);
        JsonNode journey = get("/api/v1/traceability/batches/" + EpcisFixtures.RICE_GTIN + "/" + composed + "/journey")
                .expect(200);

        assertThat(journey.path("properties").path("lot").asString()).isEqualTo("LÚA-2607");
        assertThat(journey.path("properties").path("stops").size()).isEqualTo(4);
    }

    @Test
    void captureNeedsPartnerRole() {
        String document = EpcisFixtures.example("lotus");

        assertThat(post("/epcis/capture", document, null).status()).isEqualTo(401);
        assertThat(post("/epcis/capture", document, TestUsers.citizen()).status()).isEqualTo(403);
        assertThat(post("/epcis/capture", document, TestUsers.cooperativeMember("htx-1", true)).status()).isEqualTo(202);
        assertThat(post("/epcis/events", "{}", TestUsers.planner()).status()).isEqualTo(403);

        int withToken = client.post().uri("/epcis/capture").contentType(MediaType.APPLICATION_JSON)
                .header(PartnerTokens.HEADER, PARTNER_TOKEN).bodyValue(document)
                .exchange().returnResult(String.class).getStatus().value();
        int withWrongToken = client.post().uri("/epcis/capture").contentType(MediaType.APPLICATION_JSON)
                .header(PartnerTokens.HEADER, PARTNER_TOKEN + "x").bodyValue(document)
                .exchange().returnResult(String.class).getStatus().value();
        assertThat(withToken).isEqualTo(202);
        assertThat(withWrongToken).isEqualTo(401);
    }

    @Test
    void malformedCapturesAreRejected() {
        assertStatus(post("/epcis/capture", "{\"type\": "), 400, "truncated JSON");
        assertStatus(post("/epcis/capture", ""), 400, "empty body");
        assertStatus(post("/epcis/capture", "[]"), 400, "array");
        assertStatus(post("/epcis/capture", "{\"type\": \"ObjectEvent\"}"), 400, "event sent as a document");
        assertStatus(post("/epcis/events", "{\"type\": \"ObjectEvent\"}"), 400, "event without fields");
        get("/epcis/capture/not-a-uuid").expectProblem(404, "/problems/not-found");
        get("/epcis/capture/00000000-0000-0000-0000-000000000000").expectProblem(404, "/problems/not-found");
    }

    @Test
    void captureJobReportsSuccess() {
        PostResult result = post("/epcis/capture", EpcisFixtures.example("shrimp"));

        assertStatus(result, 202, "shrimp");
        assertThat(result.location()).startsWith("/epcis/capture/");
        JsonNode job = get(result.location()).expect(200);
        assertThat(job.path("running").asBoolean()).isFalse();
        assertThat(job.path("success").asBoolean()).isTrue();
        assertThat(job.path("eventCount").asInt()).isEqualTo(4);
        assertThat(job.path("errors").size()).isZero();
    }

    private static String key(JsonNode event) {
        return event.path("quantityList").get(0).path("epcClass").asString() + " " + event.path("bizStep").asString();
    }

    private static double[] pointOf(String readPoint) {
        if (readPoint.startsWith("geo:")) {
            String[] parts = readPoint.substring(4).split(",");
            return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[0])};
        }
        if (readPoint.equals(EpcisFixtures.RICE_MILL)) {
            return new double[] {105.6330, 10.4601};
        }
        if (readPoint.equals(EpcisFixtures.RICE_AREA)) {
            return new double[] {105.82, 10.55};
        }
        return null;
    }
}
