package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/** Consecutive wrong passwords lock the account, even for the right password, until an administrator enables it. */
@TestPropertySource(properties = "langso.security.limits.lockout-threshold=3")
class AccountLockoutApiTest extends ApiTestSupport {

    private static final String PASSWORD = "một mật khẩu dài đủ";

    @BeforeAll
    static void insertUsers() {
        execute(AccountFixtures.insertUser("bi.khoa", PASSWORD, "{planner}", "{}"));
    }

    @Test
    void thirdFailureLocksAccountUntilEnabled() {
        HttpCalls calls = new HttpCalls(client);
        for (int attempt = 1; attempt <= 3; attempt++) {
            calls.post("/api/v1/auth/token", Map.of("username", "bi.khoa", "password", "sai " + attempt))
                    .expectProblem(401, "/problems/unauthorized");
        }

        HttpCalls.Response locked = calls.post("/api/v1/auth/token", Map.of("username", "bi.khoa", "password", PASSWORD));
        locked.expectProblem(429, "/problems/too-many-requests");
        assertThat(locked.body().path("detail").asString()).contains("locked");
        assertThat(Long.parseLong(locked.headers().getFirst("Retry-After"))).isBetween(800L, 900L);

        String admin = TestUsers.token(TestUsers.provinceAdmin());
        JsonNode lockEntries = calls.get("/api/v1/admin/audit?action=account.lock", admin).expect(200);
        assertThat(lockEntries.path("numberMatched").asLong()).isEqualTo(1);

        JsonNode users = calls.get("/api/v1/admin/users?q=bi.khoa", admin).expect(200);
        assertThat(users.path("users").get(0).path("locked").asBoolean()).isTrue();
        String id = users.path("users").get(0).path("id").asString();

        calls.send(org.springframework.http.HttpMethod.PUT, "/api/v1/admin/users/" + id + "/enabled", admin,
                Map.of("enabled", true)).expect(200);
        calls.post("/api/v1/auth/token", Map.of("username", "bi.khoa", "password", PASSWORD)).expect(200);
    }
}
