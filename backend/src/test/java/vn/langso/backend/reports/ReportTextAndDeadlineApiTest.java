package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/** Unicode normalisation and search of descriptions, due dates from the holiday table, and the duplicate hint. */
class ReportTextAndDeadlineApiTest extends ReportApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private EscalationTask escalation;

    private final CurrentUser citizen = TestUsers.citizen();
    private final CurrentUser official = TestUsers.communeOfficial("87001");

    @Test
    void nfdAndNfcStoredIdenticallyAndFound() {
        String nfc = Normalizer.normalize("Cống thoát nước bị nghẹt ở đường Lê Lợi", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);

        JsonNode fromNfc = submit(citizen, ReportTestData.reportJson("flooding", nfc, LON_87001, LAT_87001)).path("report");
        JsonNode fromNfd = submit(citizen, ReportTestData.reportJson("flooding", nfd, LON_87001, LAT_87001)).path("report");
        JsonNode found = getAs(official, "/api/v1/reports?q=cong thoat nuoc bi nghet o duong le loi")
                .expect(200);

        assertThat(fromNfd.path("description").asString()).isEqualTo(nfc);
        assertThat(fromNfc.path("description").asString()).isEqualTo(nfc);
        assertThat(found.path("reports").valueStream().map(report -> report.path("id").asLong()))
                .contains(fromNfc.path("id").asLong(), fromNfd.path("id").asLong());
        assertThat(found.path("reports").valueStream().map(report -> report.path("description").asString()))
                .containsOnly(nfc);
    }

    @Test
    void configuredHolidaySkippedByDueDate() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate holiday = WorkingDays.add(today, 1, Set.of());
        execute("INSERT INTO report_holiday (day, name) VALUES ('" + holiday + "', 'Test holiday') ON CONFLICT DO NOTHING");
        Set<LocalDate> holidays = Set.of(holiday);

        JsonNode report = submit(citizen, ReportTestData.reportJson("street_light", "Đèn", LON_87001, LAT_87001)).path("report");

        LocalDate due = LocalDate.parse(report.path("dueDate").asString());
        assertThat(due).isEqualTo(WorkingDays.add(today, 2, holidays));
        assertThat(due).isAfter(WorkingDays.add(today, 2, Set.of()));
        assertThat(report.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void overdueReportFilteredAndEscalated() {
        long id = submit(citizen, ReportTestData.reportJson("waste", "Rác quá hạn", LON_87001, LAT_87001))
                .path("report").path("id").asLong();
        execute("UPDATE report_private SET due_date = current_date - 3 WHERE report_id = " + id);

        JsonNode overdue = getAs(official, "/api/v1/reports?overdue=true").expect(200);
        long escalated = escalation.escalateNow().block(java.time.Duration.ofSeconds(10));
        JsonNode after = getAs(official, "/api/v1/reports/" + id).expect(200);

        assertThat(overdue.path("reports").valueStream().map(report -> report.path("id").asLong())).containsExactly(id);
        assertThat(overdue.path("reports").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(escalated).isEqualTo(1);
        assertThat(after.path("escalated").asBoolean()).isTrue();
        assertThat(after.path("history").get(1).path("by").asString()).isEqualTo("system");
        assertThat(after.path("history").get(1).path("note").asString()).contains("escalated to the province");
        assertThat(escalation.escalateNow().block(java.time.Duration.ofSeconds(10))).isZero();
    }

    @Test
    void nearbyOpenReportsOfSameCategory() {
        long near = submit(citizen, ReportTestData.reportJson("road_damage", "Ổ gà", LON_87001, LAT_87001))
                .path("report").path("id").asLong();
        long far = submit(citizen, ReportTestData.reportJson("road_damage", "Ổ gà xa", LON_87001 + 0.01, LAT_87001))
                .path("report").path("id").asLong();
        long otherCategory = submit(citizen, ReportTestData.reportJson("waste", "Rác", LON_87001, LAT_87001))
                .path("report").path("id").asLong();

        JsonNode nearby = getAs(null, "/api/v1/reports/nearby?category=road_damage&lon=" + (LON_87001 + 0.0003)
                + "&lat=" + LAT_87001).expect(200);

        assertThat(nearby.path("radiusMetres").asInt()).isEqualTo(100);
        assertThat(nearby.path("reports").valueStream().map(report -> report.path("id").asLong()))
                .contains(near).doesNotContain(far, otherCategory);
        assertThat(nearby.path("reports").get(0).has("reporterName")).isFalse();
        assertThat(nearby.path("reports").get(0).path("distanceMetres").asDouble()).isBetween(20.0, 50.0);
        getAs(null, "/api/v1/reports/nearby?category=nope&lon=105.6&lat=10.4").expectProblem(400, "/problems/invalid-parameter");
        getAs(null, "/api/v1/reports/nearby?category=waste").expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void statsPerCommuneAndCategory() {
        long id = submit(citizen, ReportTestData.reportJson("fallen_tree", "Cây đổ", LON_87001, LAT_87001))
                .path("report").path("id").asLong();
        post(official, "/api/v1/reports/" + id + "/transitions", "{\"status\":\"resolved\",\"version\":1}").expect(409);
        post(official, "/api/v1/reports/" + id + "/transitions", "{\"status\":\"in_progress\",\"version\":1}").expect(200);
        post(official, "/api/v1/reports/" + id + "/transitions", "{\"status\":\"resolved\",\"version\":2}").expect(200);

        JsonNode stats = getAs(official, "/api/v1/reports/stats").expect(200);
        JsonNode commune = stats.path("byCommune").valueStream()
                .filter(row -> row.path("key").asString().equals("87001")).findFirst().orElseThrow();
        JsonNode fallenTree = stats.path("byCategory").valueStream()
                .filter(row -> row.path("key").asString().equals("fallen_tree")).findFirst().orElseThrow();

        assertThat(stats.path("byCommune").valueStream().map(row -> row.path("key").asString())).containsOnly("87001");
        assertThat(commune.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(fallenTree.path("resolved").asLong()).isEqualTo(1);
        assertThat(fallenTree.path("onTime").asLong()).isEqualTo(1);
        assertThat(fallenTree.path("onTimeRate").asDouble()).isEqualTo(1.0);
        getAs(TestUsers.planner(), "/api/v1/reports/stats").expectProblem(403, "/problems/forbidden");
        getAs(null, "/api/v1/reports/stats").expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void categoriesListed() {
        JsonNode categories = getAs(null, "/api/v1/report-categories").expect(200);

        assertThat(categories.valueStream().map(category -> category.path("code").asString()))
                .contains("flooding", "street_light", "road_damage", "waste", "fallen_tree", "traffic_hazard", "other");
        assertThat(categories.get(0).path("nameVi").asString()).isNotBlank();
    }
}
