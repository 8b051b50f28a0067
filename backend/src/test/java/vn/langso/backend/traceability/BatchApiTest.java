package vn.langso.backend.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.TestUsers;

/** Journeys and consumer summaries of batches, growing areas, and the live announcement of captured events. */
class BatchApiTest extends ApiTestSupport {

    private static final String RICE_GTIN = "08930001000018";
    private static final String RICE_AREA = "urn:epc:id:sgln:8930001.00101.0";
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() { };

    @BeforeAll
    static void fixtures() {
        execute("INSERT INTO growing_area (location_id, area_code, name, products, certifications, geom) VALUES ('"
                        + RICE_AREA + "', 'VN-DT-LUA-0101', 'Vùng trồng lúa thử', 'lúa', '{VietGAP}', "
                        + "ST_Multi(ST_MakeEnvelope(105.815, 10.545, 105.825, 10.555, 4326)))",
                "INSERT INTO trace_product (gtin, name_vi, name_en) VALUES ('" + RICE_GTIN
                        + "', 'Gạo thơm Đồng Tháp', 'Đồng Tháp fragrant rice')");
    }

    @BeforeEach
    void deleteEvents() {
        execute("DELETE FROM epcis_event_epc", "DELETE FROM epcis_event", "DELETE FROM epcis_capture");
    }

    private int capture(String product) {
        return client.post().uri("/epcis/capture")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(TestUsers.as(TestUsers.provinceAdmin()))
                .bodyValue(example(product))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    @Test
    void journeyJoinsEventsInTimeOrder() {
        assertThat(capture("rice")).isEqualTo(202);

        var response = get("/api/v1/traceability/batches/" + RICE_GTIN + "/LUA-2607/journey");
        JsonNode journey = response.expect(200);

        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(journey.path("type").asString()).isEqualTo("Feature");
        assertThat(journey.path("geometry").path("type").asString()).isEqualTo("LineString");
        JsonNode coordinates = journey.path("geometry").path("coordinates");
        assertThat(coordinates.size()).isEqualTo(4);
        // The first stop is the growing area (a point on its surface), the last the warehouse.
        assertThat(coordinates.get(0).get(0).asDouble()).isBetween(105.815, 105.825);
        assertThat(coordinates.get(3).get(0).asDouble()).isEqualTo(105.7612);
        assertThat(coordinates.get(3).get(1).asDouble()).isEqualTo(10.2921);
        JsonNode times = journey.path("properties").path("times");
        assertThat(times.size()).isEqualTo(4);
        assertThat(times.get(0).asString()).isEqualTo("2026-07-20T06:30:00+07:00");
        assertThat(times.get(3).asString()).isEqualTo("2026-07-22T09:00:00+07:00");
        JsonNode stops = journey.path("properties").path("stops");
        assertThat(stops.get(0).path("bizStep").asString()).isEqualTo("commissioning");
        assertThat(stops.get(0).path("place").asString()).isEqualTo("Vùng trồng lúa thử");
        assertThat(stops.get(3).path("bizStep").asString()).isEqualTo("storing");
    }

    @Test
    void summaryShowsProductAreaAndCertificates() {
        assertThat(capture("rice")).isEqualTo(202);

        JsonNode summary = get("/api/v1/traceability/batches/8930001000018/LUA-2607").expect(200);

        assertThat(summary.path("gtin").asString()).isEqualTo(RICE_GTIN);
        assertThat(summary.path("product").path("nameVi").asString()).isEqualTo("Gạo thơm Đồng Tháp");
        assertThat(summary.path("growingAreas").path("features").size()).isEqualTo(1);
        assertThat(summary.path("growingAreas").path("features").get(0).path("geometry").path("type").asString())
                .isEqualTo("MultiPolygon");
        assertThat(summary.path("certifications").toString()).contains("VietGAP", "vietgap/rice-2026");
        assertThat(summary.path("journey").path("geometry").path("type").asString()).isEqualTo("LineString");
    }

    @Test
    void unknownOrInvalidBatchIsRejected() {
        get("/api/v1/traceability/batches/08930001000018/NO-SUCH-LOT/journey").expectProblem(404, "/problems/not-found");
        get("/api/v1/traceability/batches/08930001000019/LUA-2607/journey").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/traceability/batches/abc/LUA-2607").expectProblem(400, "/problems/invalid-parameter");
        get("/api/v1/traceability/batches/08930001000018/" + "L".repeat(21)).expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void growingAreasAreServedAsPolygons() {
        JsonNode areas = get("/api/v1/traceability/growing-areas").expect(200);

        assertThat(areas.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(areas.path("features").size()).isEqualTo(1);
        assertThat(areas.path("features").get(0).path("properties").path("areaCode").asString()).isEqualTo("VN-DT-LUA-0101");
        assertThat(get("/api/v1/traceability/growing-areas?kind=pond").expect(200).path("features").size()).isZero();
        get("/api/v1/traceability/growing-areas?kind=forest").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void traceabilityPlacesAreALayer() {
        JsonNode layers = get("/api/v1/layers").expect(200);

        assertThat(layers.toString()).contains("trace_locations");
        get("/ogc/collections/trace_locations/items").expect(200);
    }

    @Test
    void capturedEventIsAnnouncedLive() {
        Flux<ServerSentEvent<Map<String, Object>>> stream = client.get().uri("/api/v1/live?topics=traceability")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(EVENT)
                .getResponseBody()
                .filter(event -> event.event() != null);
        Mono<Void> captureLater = Mono.delay(Duration.ofMillis(500))
                .publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .doOnNext(tick -> capture("mango"))
                .then();

        StepVerifier.create(stream.take(4).doOnSubscribe(subscription -> captureLater.subscribe()))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("traceability.event-captured");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) event.data().get("data");
                    assertThat(data).containsEntry("type", "ObjectEvent").containsEntry("bizStep", "commissioning");
                    assertThat(data.get("eventId").toString()).startsWith("urn:uuid:");
                    assertThat(data.get("batch")).isEqualTo(Map.of("gtin", "08930001000025", "lot", "XOAI-2607"));
                })
                .assertNext(event -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) event.data().get("data");
                    assertThat(((Number) data.get("lon")).doubleValue()).isEqualTo(105.6501);
                    assertThat(((Number) data.get("lat")).doubleValue()).isEqualTo(10.4402);
                })
                .expectNextCount(2)
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }

    private static String example(String product) {
        String resource = "/traceability/examples/dong-thap-" + product + ".jsonld";
        try (InputStream in = BatchApiTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
