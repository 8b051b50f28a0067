package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/** Submission, workflow with history and optimistic locking, messages, rating and live events over HTTP. */
class ReportWorkflowApiTest extends ReportApiTestSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() { };

    private final CurrentUser citizen = TestUsers.citizen();
    private final CurrentUser official = TestUsers.communeOfficial("87001");

    @Test
    void submittedReportIsRoutedAndDue() {
        JsonNode created = submit(citizen, ReportTestData.reportJson("street_light", "Đèn không sáng", LON_87001, LAT_87001));
        JsonNode report = created.path("report");

        assertThat(created.path("followToken").asString()).hasSizeGreaterThan(20);
        assertThat(report.path("communeCode").asString()).isEqualTo("87001");
        assertThat(report.path("agencyCode").asString()).isEqualTo("public_works");
        assertThat(report.path("status").asString()).isEqualTo("received");
        assertThat(report.path("version").asInt()).isEqualTo(1);
        assertThat(report.path("dueDate").asString()).isNotBlank();
        assertThat(report.path("mine").asBoolean()).isTrue();
        assertThat(report.path("history").size()).isEqualTo(1);
        assertThat(report.path("reporterName").asString()).isEqualTo("Nguyễn Văn A");
    }

    @Test
    void publicViewHasNothingPersonal() {
        long id = submit(citizen, ReportTestData.reportJson("waste", "Rác đổ trộm", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        JsonNode view = getAs(null, "/api/v1/reports/" + id + "/public").expect(200);
        String layer = getAs(null, "/api/v1/layers/reports/features/" + id).expect(200).toString();

        assertThat(view.path("category").asString()).isEqualTo("waste");
        assertThat(view.has("reporterName")).isFalse();
        assertThat(view.has("reporterPhone")).isFalse();
        assertThat(view.toString()).doesNotContain("0901234567").doesNotContain("Nguyễn Văn A");
        assertThat(layer).doesNotContain("0901234567").doesNotContain("Nguyễn Văn A");
    }

    @Test
    void outsideProvinceRejected() {
        Reply outside = post(citizen, "/api/v1/reports", ReportTestData.reportJson("waste", "x", 108.5, 12.0));
        Reply swapped = post(citizen, "/api/v1/reports", ReportTestData.reportJson("waste", "x", LAT_87001, LON_87001));
        Reply unknown = post(citizen, "/api/v1/reports", ReportTestData.reportJson("potholes", "x", LON_87001, LAT_87001));
        Reply empty = post(citizen, "/api/v1/reports", "{\"category\":\"waste\",\"description\":\"  \"}");

        outside.expectProblem(400, "/problems/invalid-parameter");
        assertThat(outside.body().path("detail").asString()).contains("outside the province");
        swapped.expectProblem(400, "/problems/invalid-parameter");
        assertThat(swapped.body().path("detail").asString()).contains("swapped");
        unknown.expectProblem(400, "/problems/invalid-parameter");
        assertThat(unknown.body().path("detail").asString()).contains("potholes").contains("street_light");
        empty.expectProblem(400, "/problems/invalid-parameter");
        assertThat(empty.body().path("invalidParams").toString()).contains("description").contains("lon");
    }

    @Test
    void officialWorksReportCitizenSeesAnswer() {
        long id = submit(citizen, ReportTestData.reportJson("road_damage", "Ổ gà lớn", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        JsonNode inbox = getAs(official, "/api/v1/reports?status=received").expect(200);
        assertThat(ids(inbox)).contains(id);

        JsonNode assigned = post(official, "/api/v1/reports/" + id + "/transitions",
                "{\"status\":\"assigned\",\"version\":1,\"note\":\"Đã giao đội sửa đường\"}").expect(200);
        assertThat(assigned.path("status").asString()).isEqualTo("assigned");
        assertThat(assigned.path("version").asInt()).isEqualTo(2);
        assertThat(assigned.path("assignee").asString()).isEqualTo(official.displayName());

        post(official, "/api/v1/reports/" + id + "/messages", "{\"body\":\"Chúng tôi sẽ sửa trong tuần này.\"}").expect(201);
        post(citizen, "/api/v1/reports/" + id + "/messages", "{\"body\":\"Cảm ơn.\"}").expect(201);
        JsonNode messages = getAs(citizen, "/api/v1/reports/" + id + "/messages").expect(200);
        assertThat(messages.size()).isEqualTo(2);
        assertThat(messages.get(0).path("from").asString()).isEqualTo("handler");
        assertThat(messages.get(0).path("body").asString()).isEqualTo("Chúng tôi sẽ sửa trong tuần này.");
        assertThat(messages.get(1).path("from").asString()).isEqualTo("citizen");

        post(citizen, "/api/v1/reports/" + id + "/rating", "{\"stars\":5}").expectProblem(409, "/problems/report-conflict");
        post(official, "/api/v1/reports/" + id + "/transitions", "{\"status\":\"resolved\",\"version\":2}").expect(200);
        JsonNode rated = post(citizen, "/api/v1/reports/" + id + "/rating", "{\"stars\":4,\"comment\":\"Tốt\"}").expect(200);
        assertThat(rated.path("rating").asInt()).isEqualTo(4);

        JsonNode history = getAs(citizen, "/api/v1/reports/" + id).expect(200).path("history");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(1).path("toStatus").asString()).isEqualTo("assigned");
        assertThat(history.get(1).path("by").asString()).isEqualTo("handler");
        assertThat(history.get(1).path("note").asString()).isEqualTo("Đã giao đội sửa đường");
        assertThat(history.get(2).path("toStatus").asString()).isEqualTo("resolved");
    }

    @Test
    void invalidTransitionsRejected() {
        long id = submit(citizen, ReportTestData.reportJson("waste", "Rác", LON_87001, LAT_87001)).path("report").path("id").asLong();
        String path = "/api/v1/reports/" + id + "/transitions";

        post(official, path, "{\"status\":\"closed\",\"version\":1}").expectProblem(409, "/problems/report-conflict");
        post(official, path, "{\"status\":\"rejected\",\"version\":1}").expectProblem(400, "/problems/invalid-parameter");
        post(official, path, "{\"status\":\"done\",\"version\":1}").expectProblem(400, "/problems/invalid-parameter");
        post(official, path, "{\"status\":\"assigned\"}").expectProblem(400, "/problems/invalid-parameter");
        post(citizen, path, "{\"status\":\"assigned\",\"version\":1}").expectProblem(409, "/problems/report-conflict");

        JsonNode rejected = post(official, path, "{\"status\":\"rejected\",\"version\":1,\"reason\":\"Trùng phản ánh\"}").expect(200);
        assertThat(rejected.path("rejectionReason").asString()).isEqualTo("Trùng phản ánh");
    }

    @Test
    void concurrentUpdatesOneWinsOneConflicts() {
        long id = submit(citizen, ReportTestData.reportJson("flooding", "Ngập sâu", LON_87001, LAT_87001)).path("report").path("id").asLong();
        CurrentUser other = TestUsers.communeOfficial("87001");
        String path = "/api/v1/reports/" + id + "/transitions";

        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() ->
                post(official, path, "{\"status\":\"assigned\",\"version\":1,\"note\":\"first\"}"));
        CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() ->
                post(other, path, "{\"status\":\"in_progress\",\"version\":1,\"note\":\"second\"}"));
        List<Reply> results = List.of(first.join(), second.join());

        assertThat(results).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        Reply winner = results.stream().filter(result -> result.status() == 200).findFirst().orElseThrow();
        Reply loser = results.stream().filter(result -> result.status() == 409).findFirst().orElseThrow();
        assertThat(loser.body().path("detail").asString()).contains("changed by someone else");
        JsonNode now = getAs(official, "/api/v1/reports/" + id).expect(200);
        assertThat(now.path("version").asInt()).isEqualTo(2);
        assertThat(now.path("status").asString()).isEqualTo(winner.body().path("status").asString());
        assertThat(now.path("history").size()).isEqualTo(2);
    }

    @Test
    void followTokenLetsAnonymousReporterFollow() {
        JsonNode created = post(null, "/api/v1/reports", ReportTestData.reportJson("fallen_tree", "Cây đổ", LON_87001, LAT_87001)).expect(201);
        long id = created.path("report").path("id").asLong();
        String token = created.path("followToken").asString();

        getAs(null, "/api/v1/reports/" + id).expectProblem(401, "/problems/unauthorized");
        JsonNode followed = reply(client.get().uri("/api/v1/reports/" + id).header("X-Report-Token", token)).expect(200);
        JsonNode wrong = reply(client.get().uri("/api/v1/reports/" + id).header("X-Report-Token", "guess")).body();

        assertThat(followed.path("mine").asBoolean()).isTrue();
        assertThat(wrong.path("status").asInt()).isEqualTo(403);
    }

    @Test
    void liveEventAnnouncesNewReport() {
        Flux<ServerSentEvent<Map<String, Object>>> stream = client.get().uri("/api/v1/live?topics=reports")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(EVENT)
                .getResponseBody()
                .filter(event -> event.event() != null);

        StepVerifier.create(stream.take(1).doOnSubscribe(subscription -> CompletableFuture.runAsync(() -> {
                    sleepQuietly();
                    submit(citizen, ReportTestData.reportJson("traffic_hazard", "Biển báo đổ", LON_87001, LAT_87001));
                })))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("reports.created");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) event.data().get("data");
                    assertThat(data).containsOnlyKeys("id", "category", "status", "communeCode", "lon", "lat");
                    assertThat(data).containsEntry("category", "traffic_hazard").containsEntry("communeCode", "87001");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(15));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Long> ids(JsonNode list) {
        return list.path("reports").valueStream().map(node -> node.path("id").asLong()).toList();
    }
}
