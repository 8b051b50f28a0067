package vn.langso.backend.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.reports.ReportTestData.LAT_87001;
import static vn.langso.backend.reports.ReportTestData.LON_87001;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.RoleMatrix;
import vn.langso.backend.testing.RoleMatrix.Cell;
import vn.langso.backend.testing.RoleMatrix.Operation;
import vn.langso.backend.testing.TestUsers;

/**
 * Every role against every protected report operation on a report filed in commune 87001 (category waste, routed
 * to agency environment): the allowed status, 403 for other signed-in users and 401 without a token. Beside the
 * table: an official of another commune gets nothing by guessing ids, and the public, OGC, Open311, export and
 * planner views never contain the reporter's name or phone.
 */
class ReportRoleMatrixApiTest extends ReportApiTestSupport {

    /** Reporter name and phone that {@link ReportTestData#reportJson} files with every report. */
    private static final String REPORTER_NAME = "Nguyễn Văn A";
    private static final String REPORTER_PHONE = "0901234567";

    private static final RoleMatrix MATRIX = new RoleMatrix()
            .role("citizen", TestUsers.citizen())
            .role("commune_official", TestUsers.communeOfficial("87001"))
            .role("other_commune_official", TestUsers.communeOfficial("87002"))
            .role("agency_staff", TestUsers.agencyStaff("environment"))
            .role("other_agency_staff", TestUsers.agencyStaff("transport"))
            .role("planner", TestUsers.planner())
            .role("cooperative_member", TestUsers.cooperativeMember("501", false))
            .role("cooperative_moderator", TestUsers.cooperativeMember("501", true))
            .role("school_staff", TestUsers.schoolStaff("school-1"))
            .role("parent", TestUsers.parent())
            .role("clinic_staff", TestUsers.clinicStaff("clinic-1"))
            .role("province_admin", TestUsers.provinceAdmin());

    private static final Set<String> HANDLERS = Set.of("commune_official", "agency_staff", "province_admin");
    /** Roles with an inbox; it lists only the reports each may handle, which other tests check. */
    private static final Set<String> INBOX = Set.of("citizen", "commune_official", "other_commune_official",
            "agency_staff", "other_agency_staff", "province_admin");

    /** Returns the protected operations. The test replaces {@code {id}} in a path with a freshly filed report's id. */
    private static List<Operation> operations() {
        return List.of(
                new Operation("read full report", HttpMethod.GET, "/api/v1/reports/{id}", null, HANDLERS, 200),
                new Operation("read messages", HttpMethod.GET, "/api/v1/reports/{id}/messages", null, HANDLERS, 200),
                new Operation("post message", HttpMethod.POST, "/api/v1/reports/{id}/messages",
                        "{\"body\":\"Đã nhận phản ánh\"}", HANDLERS, 201),
                new Operation("assign", HttpMethod.POST, "/api/v1/reports/{id}/transitions",
                        "{\"status\":\"assigned\",\"version\":1}", HANDLERS, 200),
                new Operation("reject", HttpMethod.POST, "/api/v1/reports/{id}/transitions",
                        "{\"status\":\"rejected\",\"version\":1,\"reason\":\"Trùng phản ánh khác\"}", HANDLERS, 200),
                new Operation("list inbox", HttpMethod.GET, "/api/v1/reports", null, INBOX, 200),
                new Operation("read statistics", HttpMethod.GET, "/api/v1/reports/stats", null, INBOX, 200));
    }

    static Stream<Cell> cases() {
        return MATRIX.cells(operations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roleGetsExpectedStatus(Cell cell) {
        String path = cell.operation().path().replace("{id}", Long.toString(fileReport()));

        HttpCalls.Response response = MATRIX.send(new HttpCalls(client), cell, path);

        RoleMatrix.assertStatusAndProblem(cell, response);
    }

    @Test
    void otherCommuneGuessingIdsGetsNothing() {
        long first = fileReport();
        long last = fileReport();
        String token = TestUsers.token(TestUsers.communeOfficial("87002"));
        HttpCalls calls = new HttpCalls(client);

        for (long id = first - 3; id <= last + 3; id++) {
            String path = "/api/v1/reports/" + id;
            List<HttpCalls.Response> responses = List.of(
                    calls.get(path, token),
                    calls.get(path + "/messages", token),
                    calls.send(HttpMethod.POST, path + "/messages", token, "{\"body\":\"Thử\"}"),
                    calls.send(HttpMethod.POST, path + "/transitions", token, "{\"status\":\"assigned\",\"version\":1}"));
            for (HttpCalls.Response response : responses) {
                assertThat(response.status()).as("report %d; body %s", id, response.body()).isIn(403, 404);
                assertThat(response.body().toString()).as("report %d", id)
                        .doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE);
            }
        }
        JsonInbox inbox = JsonInbox.of(calls.get("/api/v1/reports?limit=500", token));
        assertThat(inbox.ids()).doesNotContain(first, last);
        assertThat(getAs(TestUsers.communeOfficial("87001"), "/api/v1/reports/" + last).expect(200)
                .path("status").asString()).as("report unchanged by the other commune").isEqualTo("received");
    }

    static Stream<String> roles() {
        return MATRIX.roles().stream();
    }

    /** Checks that the views meant for everyone, the planner's included, leave the reporter out for every role. */
    @ParameterizedTest(name = "public views without reporter for {0}")
    @MethodSource("roles")
    void publicViewsWithoutReporter(String role) {
        long id = fileReport();
        String token = MATRIX.token(role);
        HttpCalls calls = new HttpCalls(client);

        List<String> paths = List.of("/api/v1/reports/" + id + "/public",
                "/api/v1/layers/reports/features?limit=1000",
                "/ogc/collections/reports/items?limit=1000",
                "/ogc/collections/reports/items/" + id,
                "/open311/v2/requests.json",
                "/open311/v2/requests/" + id + ".json",
                "/api/v1/layers/reports/export?format=geojson",
                "/api/v1/analyses/communes?layer=reports&attribute=category");
        for (String path : paths) {
            HttpCalls.Response response = calls.get(path, token);
            String body = response.body().toString();
            assertThat(response.status()).as("%s as %s; body %s", path, role, body).isEqualTo(200);
            assertThat(body).as("%s as %s", path, role).doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE)
                    .doesNotContainIgnoringCase("reporter");
        }
    }

    private long fileReport() {
        return submit(TestUsers.citizen(), ReportTestData.reportJson("waste", "Rác đổ trộm", LON_87001, LAT_87001))
                .path("report").path("id").asLong();
    }

    /** The ids of an inbox page. */
    private record JsonInbox(List<Long> ids) {

        static JsonInbox of(HttpCalls.Response response) {
            List<Long> ids = new ArrayList<>();
            response.expect(200).path("reports").forEach(report -> ids.add(report.path("id").asLong()));
            return new JsonInbox(ids);
        }
    }
}
