package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/** Province administrators create accounts and change roles and scopes; every change is audited. */
class AccountAdministrationApiTest extends ApiTestSupport {

    private HttpCalls calls;
    private String admin;

    @BeforeAll
    static void insertCommunes() {
        execute(AccountFixtures.insertCommune("87001", "Xã Mỹ An"), AccountFixtures.insertCommune("87002", "Xã Mỹ Hòa"));
    }

    @BeforeEach
    void signIn() {
        calls = new HttpCalls(client);
        admin = TestUsers.token(TestUsers.provinceAdmin());
    }

    private HttpCalls.Response create(Map<String, Object> body) {
        return calls.send(HttpMethod.POST, "/api/v1/admin/users", admin, body);
    }

    @Test
    void createdOfficialSignsInWithScope() {
        HttpCalls.Response created = create(Map.of("username", "Can.Bo.My.An", "displayName", "Cán bộ Mỹ An",
                "password", "mật khẩu mười hai", "roles", List.of("commune-official"), "communeCodes", List.of("87001")));
        JsonNode account = created.expect(201);
        assertThat(created.headers().getLocation().toString()).endsWith("/api/v1/admin/users/" + account.path("id").asString());
        assertThat(account.path("username").asString()).isEqualTo("can.bo.my.an");
        assertThat(account.toString()).doesNotContain("password");

        JsonNode tokens = calls.post("/api/v1/auth/token", Map.of("username", "can.bo.my.an", "password", "mật khẩu mười hai"))
                .expect(200);
        assertThat(tokens.path("user").path("communeCodes").toString()).isEqualTo("[\"87001\"]");
    }

    @Test
    void invalidAccountsRejected() {
        JsonNode unknownCommune = create(Map.of("username", "xa.la", "displayName", "X", "password", "mật khẩu mười hai",
                "roles", List.of("commune_official"), "communeCodes", List.of("99999")))
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(unknownCommune.path("detail").asString()).contains("99999");

        JsonNode several = create(Map.of("username", "x", "displayName", "", "password", "ngắn",
                "roles", List.of("commune_official", "king")))
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(several.path("invalidParams").toString())
                .contains("username").contains("displayName").contains("password").contains("king").contains("communeCodes");

        create(Map.of("displayName", "Không tên", "roles", List.of("citizen")))
                .expectProblem(400, "/problems/invalid-parameter");
        calls.send(HttpMethod.POST, "/api/v1/admin/users", admin, "{\"roles\": \"citizen\"")
                .expectProblem(400, "/problems/invalid-parameter");
        calls.send(HttpMethod.PUT, "/api/v1/admin/users/not-a-uuid/roles", admin, Map.of("roles", List.of()))
                .expectProblem(400, "/problems/invalid-parameter");
        calls.send(HttpMethod.PUT, "/api/v1/admin/users/00000000-0000-4000-8000-00000000ffff/roles", admin,
                Map.of("roles", List.of())).expectProblem(404, "/problems/not-found");
    }

    @Test
    void duplicateUserNameConflicts() {
        Map<String, Object> body = Map.of("username", "trung.ten", "displayName", "Trùng tên",
                "password", "mật khẩu mười hai", "roles", List.of("planner"));
        create(body).expect(201);
        create(body).expectProblem(409, "/problems/conflict");
    }

    @Test
    void roleChangeAuditedWithBeforeAndAfter() {
        String id = create(Map.of("phone", "0987654321", "displayName", "Chị Lan", "roles", List.of("citizen")))
                .expect(201).path("id").asString();

        JsonNode changed = calls.send(HttpMethod.PUT, "/api/v1/admin/users/" + id + "/roles", admin,
                Map.of("roles", List.of("commune_official"), "communeCodes", List.of("87001", "87002"))).expect(200);
        assertThat(changed.path("communeCodes").toString()).isEqualTo("[\"87001\",\"87002\"]");

        JsonNode audit = calls.get("/api/v1/admin/audit?action=account.role-change&target=user:" + id, admin).expect(200);
        assertThat(audit.path("numberMatched").asLong()).isEqualTo(1);
        JsonNode details = audit.path("entries").get(0).path("details");
        assertThat(details.path("before").path("roles").toString()).isEqualTo("[\"citizen\"]");
        assertThat(details.path("after").path("roles").toString()).isEqualTo("[\"commune_official\"]");
    }

    @Test
    void lastAdministratorKeepsRole() {
        String id = create(Map.of("username", "quan.tri.duy.nhat", "displayName", "Quản trị", "password",
                "mật khẩu mười hai", "roles", List.of("province_admin"))).expect(201).path("id").asString();

        calls.send(HttpMethod.PUT, "/api/v1/admin/users/" + id + "/roles", admin, Map.of("roles", List.of("planner")))
                .expectProblem(409, "/problems/conflict");
        calls.send(HttpMethod.PUT, "/api/v1/admin/users/" + id + "/enabled", admin, Map.of("enabled", false))
                .expectProblem(409, "/problems/conflict");
    }

    @Test
    void disabledAccountCannotSignIn() {
        String id = create(Map.of("username", "tam.nghi", "displayName", "Tạm nghỉ", "password", "mật khẩu mười hai",
                "roles", List.of("planner"))).expect(201).path("id").asString();
        calls.send(HttpMethod.PUT, "/api/v1/admin/users/" + id + "/enabled", admin, Map.of("enabled", false)).expect(200);

        calls.post("/api/v1/auth/token", Map.of("username", "tam.nghi", "password", "mật khẩu mười hai"))
                .expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void readsOfPersonalDataAudited() {
        String id = create(Map.of("phone", "0911222333", "displayName", "Anh Tư", "roles", List.of("citizen")))
                .expect(201).path("id").asString();

        JsonNode account = calls.get("/api/v1/admin/users/" + id, admin).expect(200);
        assertThat(account.path("phone").asString()).isEqualTo("+84911222333");

        JsonNode audit = calls.get("/api/v1/admin/audit?action=account.read&target=user:" + id, admin).expect(200);
        assertThat(audit.path("numberMatched").asLong()).isEqualTo(1);
    }

    @Test
    void auditLogRejectsUpdateAndDelete() {
        calls.get("/api/v1/admin/audit", admin).expect(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute("UPDATE audit_log SET outcome = 'success'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute("DELETE FROM audit_log"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute("TRUNCATE audit_log"))
                .hasMessageContaining("append-only");
    }

    @Test
    void auditSearchRejectsBadFilters() {
        calls.get("/api/v1/admin/audit?outcome=maybe", admin).expectProblem(400, "/problems/invalid-parameter");
        calls.get("/api/v1/admin/audit?from=yesterday", admin).expectProblem(400, "/problems/invalid-parameter");
        calls.get("/api/v1/admin/audit?who=me", admin).expectProblem(400, "/problems/invalid-parameter");
    }
}
