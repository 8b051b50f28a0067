package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/** Wrong passwords: the sixth within a minute gets 429 with Retry-After, and the audit log shows every attempt. */
class BruteForceApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertUsers() {
        execute(AccountFixtures.insertUser("nguoi.bi.do", "mật khẩu đúng của tôi", "{citizen}", "{}"));
    }

    @Test
    void sixthWrongPasswordGets429AndEveryAttemptAudited() {
        HttpCalls calls = new HttpCalls(client);
        List<Integer> statuses = new ArrayList<>();
        HttpCalls.Response sixth = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            HttpCalls.Response response = calls.post("/api/v1/auth/token",
                    Map.of("username", "nguoi.bi.do", "password", "đoán sai lần " + attempt));
            statuses.add(response.status());
            sixth = response;
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        sixth.expectProblem(429, "/problems/too-many-requests");
        long retryAfter = Long.parseLong(sixth.headers().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);

        // The right password does not get through while the limit holds.
        calls.post("/api/v1/auth/token", Map.of("username", "nguoi.bi.do", "password", "mật khẩu đúng của tôi"))
                .expectProblem(429, "/problems/too-many-requests");

        JsonNode audit = calls.get("/api/v1/admin/audit?action=auth.sign-in&actor=nguoi.bi.do&limit=50",
                TestUsers.token(TestUsers.provinceAdmin())).expect(200);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode entry : audit.path("entries")) {
            outcomes.add(entry.path("outcome").asString());
            assertThat(entry.path("clientAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(entry.path("details").path("method").asString()).isEqualTo("password");
        }
        // Newest first: the blocked right password, the blocked sixth guess, then five failures.
        assertThat(outcomes).containsExactly("denied", "denied", "failure", "failure", "failure", "failure", "failure");
        assertThat(audit.path("entries").get(1).path("details").path("reason").asString()).isEqualTo("rate-limited");
        assertThat(audit.path("entries").get(2).path("details").path("reason").asString()).isEqualTo("wrong-password");
    }
}
