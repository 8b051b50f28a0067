package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Every role against every protected operation that exists: the expected status is the allowed one, 403 for a
 * signed-in user whose roles do not allow it, and 401 without a token. Add a row per new protected operation.
 */
class RoleAccessMatrixApiTest extends ApiTestSupport {

    private static final RoleMatrix MATRIX = new RoleMatrix()
            .role("citizen", TestUsers.citizen())
            .role("commune_official", TestUsers.communeOfficial("87001"))
            .role("agency_staff", TestUsers.agencyStaff("SO-TNMT"))
            .role("planner", TestUsers.planner())
            .role("cooperative_member", TestUsers.cooperativeMember("htx-1", false))
            .role("cooperative_moderator", TestUsers.cooperativeMember("htx-1", true))
            .role("school_staff", TestUsers.schoolStaff("school-1"))
            .role("parent", TestUsers.parent())
            .role("clinic_staff", TestUsers.clinicStaff("clinic-1"))
            .role("province_admin", TestUsers.provinceAdmin());

    private static final AtomicInteger CREATED = new AtomicInteger();
    private static final UUID TARGET = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @BeforeAll
    static void insertTargetAccount() {
        execute("INSERT INTO admin_unit (code, name, level, valid_from, geom) VALUES ('87001', 'Xã Một', 'commune', "
                        + "'2025-07-01', ST_Multi(ST_MakeEnvelope(105.6, 10.4, 105.7, 10.5, 4326)))",
                "INSERT INTO app_user (id, username, display_name, roles, commune_codes, password_hash) VALUES ('"
                        + TARGET + "', 'muc.tieu', 'Tài khoản đích', '{commune_official}', '{87001}', NULL)");
        // A layer holding personal data, which no role reads through the public layer and OGC APIs.
        execute("CREATE TABLE personal_place AS SELECT * FROM merchant WITH NO DATA",
                "INSERT INTO layer (name, table_name, title_vi, title_en, personal_data, sort_order) "
                        + "VALUES ('personal_places', 'personal_place', 'Riêng tư', 'Personal', true, 99)");
    }

    private HttpCalls calls;

    @BeforeEach
    void createCalls() {
        calls = new HttpCalls(client);
    }

    private static List<Operation> operations() {
        Set<String> admin = Set.of("province_admin");
        Set<String> signedIn = MATRIX.signedInRoles();
        return List.of(
                new Operation("list accounts", HttpMethod.GET, "/api/v1/admin/users", null, admin, 200),
                new Operation("read account", HttpMethod.GET, "/api/v1/admin/users/" + TARGET, null, admin, 200),
                new Operation("create account", HttpMethod.POST, "/api/v1/admin/users", () -> {
                    int n = CREATED.incrementAndGet();
                    return Map.of("username", "moi." + n, "displayName", "Mới " + n,
                            "password", "mật khẩu thật dài " + n, "roles", List.of("citizen"));
                }, admin, 201),
                new Operation("change roles", HttpMethod.PUT, "/api/v1/admin/users/" + TARGET + "/roles",
                        Map.of("roles", List.of("commune_official"), "communeCodes", List.of("87001")), admin, 200),
                new Operation("enable account", HttpMethod.PUT, "/api/v1/admin/users/" + TARGET + "/enabled",
                        Map.of("enabled", true), admin, 200),
                new Operation("search audit log", HttpMethod.GET, "/api/v1/admin/audit", null, admin, 200),
                new Operation("read own account", HttpMethod.GET, "/api/v1/auth/me", null, signedIn, 200));
    }

    static Stream<Cell> cases() {
        return MATRIX.cells(operations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roleGetsExpectedStatus(Cell cell) {
        HttpCalls.Response response = MATRIX.send(calls, cell);

        RoleMatrix.assertStatusAndProblem(cell, response);
    }

    static Stream<String> roles() {
        return MATRIX.roles().stream();
    }

    /** Layers with personal data stay out of the public APIs for every role, signed in or not. */
    @ParameterizedTest(name = "personal layer hidden from {0}")
    @MethodSource("roles")
    void personalLayerHiddenFromEveryRole(String role) {
        String token = MATRIX.token(role);

        calls.get("/api/v1/layers/personal_places/features", token).expectProblem(404, "/problems/not-found");
        calls.get("/ogc/collections/personal_places/items", token).expectProblem(404, "/problems/not-found");
        assertThat(calls.get("/api/v1/layers", token).body().toString()).doesNotContain("personal_places");
    }
}
