package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/**
 * Every role against EPCIS capture (a document and a single event) and the public event query: capture is allowed
 * to province administrators and cooperative moderators, other signed-in users get 403 and callers without a token
 * 401, both as EPCIS SecurityException problems. The query returns 200 to everyone.
 */
class CaptureRoleMatrixApiTest extends ApiTestSupport {

    private static final String SECURITY = "epcisException:SecurityException";

    /** Users by role name; {@code null} stands for a request without a token. */
    private static final Map<String, CurrentUser> USERS = new LinkedHashMap<>();

    static {
        USERS.put("anonymous", null);
        USERS.put("citizen", TestUsers.citizen());
        USERS.put("commune_official", TestUsers.communeOfficial("87001"));
        USERS.put("agency_staff", TestUsers.agencyStaff("SO-TNMT"));
        USERS.put("planner", TestUsers.planner());
        USERS.put("cooperative_member", TestUsers.cooperativeMember("501", false));
        USERS.put("cooperative_moderator", TestUsers.cooperativeMember("501", true));
        USERS.put("school_staff", TestUsers.schoolStaff("school-1"));
        USERS.put("parent", TestUsers.parent());
        USERS.put("clinic_staff", TestUsers.clinicStaff("clinic-1"));
        USERS.put("province_admin", TestUsers.provinceAdmin());
    }

    private static final Set<String> CAPTURERS = Set.of("cooperative_moderator", "province_admin");

    private record Operation(String name, HttpMethod method, String path, Supplier<String> body, Set<String> allowed,
                             int allowedStatus) {
    }

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
                new Operation("query events", HttpMethod.GET, "/epcis/events", () -> null, USERS.keySet(), 200));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : operations()) {
            for (String role : USERS.keySet()) {
                int expected = operation.allowed().contains(role) ? operation.allowedStatus()
                        : role.equals("anonymous") ? 401 : 403;
                cases.add(Arguments.of(operation.name(), role, expected, operation));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cases")
    void roleGetsExpectedStatus(String operationName, String role, int expected, Operation operation) {
        CurrentUser user = USERS.get(role);
        String token = user == null ? null : TestUsers.token(user);

        HttpCalls.Response response = new HttpCalls(client).send(operation.method(), operation.path(), token,
                operation.body().get());

        assertThat(response.status()).as("%s as %s; body %s", operationName, role, response.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(response.body().path("type").asString()).as("problem type").isEqualTo(SECURITY);
        }
    }
}
