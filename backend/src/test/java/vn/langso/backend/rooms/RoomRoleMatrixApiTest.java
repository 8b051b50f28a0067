package vn.langso.backend.rooms;

import static vn.langso.backend.rooms.RoomFixtures.COOPERATIVE;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.RoleMatrix;
import vn.langso.backend.testing.RoleMatrix.Cell;
import vn.langso.backend.testing.RoleMatrix.Operation;
import vn.langso.backend.testing.TestUsers;

/**
 * Every role against every protected room operation on a room of cooperative 501: the allowed status for roles that
 * may, 403 for other signed-in users (members of another cooperative too) and 401 without a token.
 */
class RoomRoleMatrixApiTest extends ApiTestSupport {

    private static final String OWN = Long.toString(COOPERATIVE);
    private static final String OTHER = Long.toString(RoomFixtures.OTHER_COOPERATIVE);

    private static final RoleMatrix MATRIX = new RoleMatrix()
            .role("citizen", TestUsers.citizen())
            .role("commune_official", TestUsers.communeOfficial("87001"))
            .role("agency_staff", TestUsers.agencyStaff("SO-TNMT"))
            .role("planner", TestUsers.planner())
            .role("cooperative_member", TestUsers.cooperativeMember(OWN, false))
            .role("cooperative_moderator", TestUsers.cooperativeMember(OWN, true))
            .role("other_cooperative_member", TestUsers.cooperativeMember(OTHER, false))
            .role("other_cooperative_moderator", TestUsers.cooperativeMember(OTHER, true))
            .role("school_staff", TestUsers.schoolStaff("school-1"))
            .role("parent", TestUsers.parent())
            .role("clinic_staff", TestUsers.clinicStaff("clinic-1"))
            .role("province_admin", TestUsers.provinceAdmin());

    private static final CurrentUser MODERATOR = MATRIX.user("cooperative_moderator");
    private static final Set<String> SCHEDULERS = Set.of("cooperative_moderator", "province_admin");
    private static final Set<String> MEMBERS = Set.of("cooperative_member", "cooperative_moderator", "province_admin");

    @BeforeAll
    static void insertCooperatives() {
        execute(RoomFixtures.COOPERATIVES);
    }

    /** Returns the protected operations. The test replaces {@code {room}} in a path with a fresh room's id. */
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

    static Stream<Cell> cases() {
        return MATRIX.cells(operations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roleGetsExpectedStatus(Cell cell) {
        String path = cell.operation().path();
        if (path.contains("{room}")) {
            path = path.replace("{room}", RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), ""));
        }

        HttpCalls.Response response = MATRIX.send(new HttpCalls(client), cell, path);

        RoleMatrix.assertStatusAndProblem(cell, response);
    }
}
