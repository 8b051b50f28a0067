package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.RoleMatrix;
import vn.langso.backend.testing.RoleMatrix.Cell;
import vn.langso.backend.testing.RoleMatrix.Operation;
import vn.langso.backend.testing.TestUsers;

/**
 * Every role against EPCIS capture (a document and a single event) and the public event query: capture is allowed
 * to province administrators and cooperative moderators, other signed-in users get 403 and callers without a token
 * 401, both as EPCIS SecurityException problems. The query returns 200 to everyone.
 */
class CaptureRoleMatrixApiTest extends ApiTestSupport {

    private static final String SECURITY = "epcisException:SecurityException";

    private static final RoleMatrix MATRIX = new RoleMatrix()
            .role("citizen", TestUsers.citizen())
            .role("commune_official", TestUsers.communeOfficial("87001"))
            .role("agency_staff", TestUsers.agencyStaff("SO-TNMT"))
            .role("planner", TestUsers.planner())
            .role("cooperative_member", TestUsers.cooperativeMember("501", false))
            .role("cooperative_moderator", TestUsers.cooperativeMember("501", true))
            .role("school_staff", TestUsers.schoolStaff("school-1"))
            .role("parent", TestUsers.parent())
            .role("clinic_staff", TestUsers.clinicStaff("clinic-1"))
            .role("province_admin", TestUsers.provinceAdmin());

    private static final Set<String> CAPTURERS = Set.of("cooperative_moderator", "province_admin");

    private static final String CONTEXT = "\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"]";

    /** Returns an ObjectEvent with a fresh event id, so that every capture stores a new event. */
    private static String event() {
        return """
                {"type": "ObjectEvent", "eventTime": "2026-07-22T08:00:00+07:00", "eventTimeZoneOffset": "+07:00",
                 "eventID": "urn:uuid:%s", "action": "ADD", "epcList": ["urn:epc:id:sgtin:8930001.000001.1001"]}"""
                .formatted(UUID.randomUUID());
    }

    /** Returns an event for {@code /epcis/events}, which carries its own {@code @context}. */
    private static String standaloneEvent() {
        return "{" + CONTEXT + ", " + event().strip().substring(1);
    }

    private static String document() {
        return """
                {%s, "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-07-22T10:00:00+07:00",
                 "epcisBody": {"eventList": [%s]}}""".formatted(CONTEXT, event());
    }

    private static List<Operation> operations() {
        return List.of(
                new Operation("capture document", HttpMethod.POST, "/epcis/capture",
                        CaptureRoleMatrixApiTest::document, CAPTURERS, 202),
                new Operation("capture event", HttpMethod.POST, "/epcis/events",
                        CaptureRoleMatrixApiTest::standaloneEvent, CAPTURERS, 202),
                new Operation("query events", HttpMethod.GET, "/epcis/events", null, MATRIX.roles(), 200));
    }

    static Stream<Cell> cases() {
        return MATRIX.cells(operations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roleGetsExpectedStatus(Cell cell) {
        HttpCalls.Response response = MATRIX.send(new HttpCalls(client), cell);

        RoleMatrix.assertStatus(cell, response);
        if (cell.denied()) {
            assertThat(response.body().path("type").asString()).as("%s: problem type", cell).isEqualTo(SECURITY);
        }
    }
}
