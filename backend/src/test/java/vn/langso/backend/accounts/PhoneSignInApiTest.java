package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;

/** Citizens sign in with a Vietnamese mobile number and a one-time code; the first sign-in creates the account. */
class PhoneSignInApiTest extends ApiTestSupport {

    @Autowired
    private LoggingOneTimeCodeSender sender;

    @Test
    void codeSignInCreatesCitizenOnce() {
        HttpCalls calls = new HttpCalls(client);
        JsonNode sent = calls.post("/api/v1/auth/phone/code", Map.of("phone", "0912 345 678")).expect(202);
        assertThat(sent.path("phone").asString()).isEqualTo("+84******678");
        String code = sender.lastCode("+84912345678").orElseThrow();

        JsonNode first = calls.post("/api/v1/auth/phone/token", Map.of("phone", "+84 912.345.678", "code", code)).expect(200);
        assertThat(first.path("user").path("roles").toString()).isEqualTo("[\"citizen\"]");

        // A code works once.
        calls.post("/api/v1/auth/phone/token", Map.of("phone", "0912345678", "code", code))
                .expectProblem(401, "/problems/unauthorized");

        calls.post("/api/v1/auth/phone/code", Map.of("phone", "84912345678")).expect(202);
        String second = sender.lastCode("+84912345678").orElseThrow();
        JsonNode again = calls.post("/api/v1/auth/phone/token", Map.of("phone", "0912345678", "code", second)).expect(200);
        assertThat(again.path("user").path("id").asString()).isEqualTo(first.path("user").path("id").asString());
    }

    @Test
    void wrongCodeRejected() {
        HttpCalls calls = new HttpCalls(client);
        calls.post("/api/v1/auth/phone/code", Map.of("phone", "0387654321")).expect(202);
        String code = sender.lastCode("+84387654321").orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";

        calls.post("/api/v1/auth/phone/token", Map.of("phone", "0387654321", "code", wrong))
                .expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void invalidPhonesRejected() {
        HttpCalls calls = new HttpCalls(client);
        for (String phone : new String[] {"12345", "0212345678", "+1 650 555 0100", "09123456789", "không phải số"}) {
            JsonNode problem = calls.post("/api/v1/auth/phone/code", Map.of("phone", phone))
                    .expectProblem(400, "/problems/invalid-parameter");
            assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("phone");
        }
        calls.post("/api/v1/auth/phone/token", Map.of("phone", "0912345678", "code", "12ab56"))
                .expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void sixthCodeWithinHourGets429() {
        HttpCalls calls = new HttpCalls(client);
        for (int attempt = 1; attempt <= 5; attempt++) {
            calls.post("/api/v1/auth/phone/code", Map.of("phone", "0701234567")).expect(202);
        }
        HttpCalls.Response sixth = calls.post("/api/v1/auth/phone/code", Map.of("phone", "0701234567"));
        sixth.expectProblem(429, "/problems/too-many-requests");
        assertThat(Long.parseLong(sixth.headers().getFirst("Retry-After"))).isBetween(3500L, 3600L);
    }
}
