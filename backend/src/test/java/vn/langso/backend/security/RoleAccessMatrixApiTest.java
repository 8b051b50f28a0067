package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/**
 * Every role against every protected operation that exists: the expected status is the allowed one, 403 for a
 * signed-in user whose roles do not allow it, and 401 without a token. Add a row per new protected operation.
 */
class RoleAccessMatrixApiTest extends ApiTestSupport {

    /** Users by role name; {@code null} stands for a request without a token. */
    private static final Map<String, CurrentUser> USERS = new LinkedHashMap<>();

    static {
        USERS.put("anonymous", null);
        USERS.put("citizen", TestUsers.citizen());
        USERS.put("commune_official", TestUsers.communeOfficial("87001"));
        USERS.put("agency_staff", TestUsers.agencyStaff("SO-TNMT"));
        USERS.put("planner", TestUsers.planner());
        USERS.put("cooperative_member", TestUsers.cooperativeMember("htx-1", false));
        USERS.put("cooperative_moderator", TestUsers.cooperativeMember("htx-1", true));
        USERS.put("school_staff", TestUsers.schoolStaff("school-1"));
        USERS.put("parent", TestUsers.parent());
        USERS.put("clinic_staff", TestUsers.clinicStaff("clinic-1"));
        USERS.put("province_admin", TestUsers.provinceAdmin());
    }

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

    /** A protected operation and the roles allowed to perform it, with the status an allowed call returns. */
    private record Operation(String name, HttpMethod method, String path, Function<Integer, Object> body,
                             Set<String> allowed, int allowedStatus) {
    }

    private static List<Operation> operations() {
        Set<String> admin = Set.of("province_admin");
        Set<String> signedIn = new java.util.HashSet<>(USERS.keySet());
        signedIn.remove("anonymous");
        return List.of(
                new Operation("list accounts", HttpMethod.GET, "/api/v1/admin/users", n -> null, admin, 200),
                new Operation("read account", HttpMethod.GET, "/api/v1/admin/users/" + TARGET, n -> null, admin, 200),
                new Operation("create account", HttpMethod.POST, "/api/v1/admin/users",
                        n -> Map.of("username", "moi." + n, "displayName", "Mới " + n, "password", "mật khẩu thật dài " + n,
                                "roles", List.of("citizen")), admin, 201),
                new Operation("change roles", HttpMethod.PUT, "/api/v1/admin/users/" + TARGET + "/roles",
                        n -> Map.of("roles", List.of("commune_official"), "communeCodes", List.of("87001")), admin, 200),
                new Operation("enable account", HttpMethod.PUT, "/api/v1/admin/users/" + TARGET + "/enabled",
                        n -> Map.of("enabled", true), admin, 200),
                new Operation("search audit log", HttpMethod.GET, "/api/v1/admin/audit", n -> null, admin, 200),
                new Operation("read own account", HttpMethod.GET, "/api/v1/auth/me", n -> null, signedIn, 200));
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
        HttpCalls.Response response = calls.send(operation.method(), operation.path(), token,
                operation.body().apply(CREATED.incrementAndGet()));

        if (expected == 401) {
            response.expectProblem(401, "/problems/unauthorized");
        } else if (expected == 403) {
            response.expectProblem(403, "/problems/forbidden");
        } else {
            assertThat(response.status()).as("%s as %s; body %s", operationName, role, response.body()).isEqualTo(expected);
        }
    }

    static Stream<String> roles() {
        return USERS.keySet().stream();
    }

    /** Layers with personal data stay out of the public APIs for every role, signed in or not. */
    @ParameterizedTest(name = "personal layer hidden from {0}")
    @MethodSource("roles")
    void personalLayerHiddenFromEveryRole(String role) {
        CurrentUser user = USERS.get(role);
        String token = user == null ? null : TestUsers.token(user);

        calls.get("/api/v1/layers/personal_places/features", token).expectProblem(404, "/problems/not-found");
        calls.get("/ogc/collections/personal_places/items", token).expectProblem(404, "/problems/not-found");
        assertThat(calls.get("/api/v1/layers", token).body().toString()).doesNotContain("personal_places");
    }
}
