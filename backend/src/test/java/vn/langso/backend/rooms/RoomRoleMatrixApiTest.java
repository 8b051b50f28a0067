package vn.langso.backend.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.rooms.RoomFixtures.COOPERATIVE;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/**
 * Every role against every protected room operation on a room of cooperative 501: the allowed status for roles that
 * may, 403 for other signed-in users (members of another cooperative too) and 401 without a token.
 */
class RoomRoleMatrixApiTest extends ApiTestSupport {

    private static final String OWN = Long.toString(COOPERATIVE);
    private static final String OTHER = Long.toString(RoomFixtures.OTHER_COOPERATIVE);

    /** Users by role name; {@code null} stands for a request without a token. */
    private static final Map<String, CurrentUser> USERS = new LinkedHashMap<>();

    static {
        USERS.put("anonymous", null);
        USERS.put("citizen", TestUsers.citizen());
        USERS.put("commune_official", TestUsers.communeOfficial("87001"));
        USERS.put("agency_staff", TestUsers.agencyStaff("SO-TNMT"));
        USERS.put("planner", TestUsers.planner());
        USERS.put("cooperative_member", TestUsers.cooperativeMember(OWN, false));
        USERS.put("cooperative_moderator", TestUsers.cooperativeMember(OWN, true));
        USERS.put("other_cooperative_member", TestUsers.cooperativeMember(OTHER, false));
        USERS.put("other_cooperative_moderator", TestUsers.cooperativeMember(OTHER, true));
        USERS.put("school_staff", TestUsers.schoolStaff("school-1"));
        USERS.put("parent", TestUsers.parent());
        USERS.put("clinic_staff", TestUsers.clinicStaff("clinic-1"));
        USERS.put("province_admin", TestUsers.provinceAdmin());
    }

    private static final CurrentUser MODERATOR = USERS.get("cooperative_moderator");
    private static final Set<String> SCHEDULERS = Set.of("cooperative_moderator", "province_admin");
    private static final Set<String> MEMBERS = Set.of("cooperative_member", "cooperative_moderator", "province_admin");

    @BeforeAll
    static void insertCooperatives() {
        execute(RoomFixtures.COOPERATIVES);
    }

    /** A protected operation; {@code {room}} in the path is replaced by a fresh room's id. */
    private record Operation(String name, HttpMethod method, String path, String body, Set<String> allowed,
                             int allowedStatus) {
    }

    private static List<Operation> operations() {
        String newRoom = """
                {"cooperativeId": %d, "topic": "Họp tổ sản xuất", "startsAt": "%s"}"""
                .formatted(COOPERATIVE, Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        return List.of(
                new Operation("list rooms", HttpMethod.GET, "/api/v1/rooms?cooperative=" + OWN, null, MEMBERS, 200),
                new Operation("schedule room", HttpMethod.POST, "/api/v1/rooms", newRoom, SCHEDULERS, 201),
                new Operation("read room", HttpMethod.GET, "/api/v1/rooms/{room}", null, MEMBERS, 200),
                new Operation("list invitations", HttpMethod.GET, "/api/v1/rooms/{room}/invitations", null, SCHEDULERS, 200),
                new Operation("create invitation", HttpMethod.POST, "/api/v1/rooms/{room}/invitations", "{}", SCHEDULERS, 201),
                new Operation("create join token", HttpMethod.POST, "/api/v1/rooms/{room}/join-tokens", "{}", MEMBERS, 201),
                new Operation("list recordings", HttpMethod.GET, "/api/v1/rooms/{room}/recordings", null, MEMBERS, 200));
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
        String path = operation.path();
        if (path.contains("{room}")) {
            path = path.replace("{room}", RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), ""));
        }
        CurrentUser user = USERS.get(role);
        String token = user == null ? null : TestUsers.token(user);

        HttpCalls.Response response = new HttpCalls(client).send(operation.method(), path, token, operation.body());

        if (expected == 401) {
            response.expectProblem(401, "/problems/unauthorized");
        } else if (expected == 403) {
            response.expectProblem(403, "/problems/forbidden");
        } else {
            assertThat(response.status()).as("%s as %s; body %s", operationName, role, response.body()).isEqualTo(expected);
        }
    }
}
