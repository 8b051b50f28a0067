package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.AccessTokens;
import vn.langso.backend.security.SigningKey;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/** Password sign-in, bearer tokens on the real filter chain, refresh, and the rejection of bad tokens. */
class AuthTokenApiTest extends ApiTestSupport {

    /** Vietnamese password with diacritics, stored from its NFC form. */
    private static final String PASSWORD = "Mật khẩu đủ dài 2026";

    @BeforeAll
    static void insertUsers() {
        execute(AccountFixtures.insertUser("can.bo.xa", PASSWORD, "{commune_official}", "{87001}"));
    }

    private HttpCalls.Response post(String path, Object body) {
        return new HttpCalls(client).post(path, body);
    }

    private HttpCalls.Response postRaw(String path, String body) {
        return new HttpCalls(client).post(path, body);
    }

    private HttpCalls.Response getWithToken(String path, String token) {
        return new HttpCalls(client).get(path, token);
    }

    @Test
    void passwordSignInIssuesWorkingToken() {
        JsonNode tokens = post("/api/v1/auth/token", Map.of("username", "can.bo.xa", "password", PASSWORD)).expect(200);
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isBetween(800L, 900L);
        assertThat(tokens.path("refresh_token").asString()).isNotBlank();
        assertThat(tokens.path("user").path("roles").toString()).isEqualTo("[\"commune_official\"]");

        JsonNode me = getWithToken("/api/v1/auth/me", tokens.path("access_token").asString()).expect(200);
        assertThat(me.path("roles").toString()).isEqualTo("[\"commune_official\"]");
        assertThat(me.path("communeCodes").toString()).isEqualTo("[\"87001\"]");
        assertThat(me.path("displayName").asString()).isEqualTo("Người dùng can.bo.xa");
    }

    @Test
    void userNameCaseAndNfdPasswordAccepted() {
        String nfd = Normalizer.normalize(PASSWORD, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(PASSWORD);

        post("/api/v1/auth/token", Map.of("username", " CAN.BO.XA ", "password", nfd)).expect(200);
    }

    @Test
    void wrongPasswordUnauthorized() {
        post("/api/v1/auth/token", Map.of("username", "can.bo.xa", "password", "sai mật khẩu rồi"))
                .expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void unknownUserUnauthorized() {
        post("/api/v1/auth/token", Map.of("username", "khong.co.ai", "password", PASSWORD))
                .expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void malformedBodiesRejected() {
        postRaw("/api/v1/auth/token", "").expectProblem(400, "/problems/invalid-parameter");
        postRaw("/api/v1/auth/token", "{\"username\": ").expectProblem(400, "/problems/invalid-parameter");
        postRaw("/api/v1/auth/token", "[1, 2]").expectProblem(400, "/problems/invalid-parameter");
        JsonNode wrongType = postRaw("/api/v1/auth/token", "{\"username\": 42, \"password\": true}")
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(wrongType.path("invalidParams").toString()).contains("username").contains("password");
        JsonNode huge = postRaw("/api/v1/auth/token", "{\"username\": \"" + "a".repeat(40_000) + "\"}")
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(huge.path("detail").asString()).contains("larger than");
    }

    @Test
    void meWithoutTokenUnauthorized() {
        HttpCalls.Response response = getWithToken("/api/v1/auth/me", null);
        response.expectProblem(401, "/problems/unauthorized");
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void testUsersTokenResolvesSameUser() {
        var official = TestUsers.communeOfficial("87001", "87002");
        JsonNode me = getWithToken("/api/v1/auth/me", TestUsers.token(official)).expect(200);
        assertThat(me.path("id").asString()).isEqualTo(official.id());
        assertThat(me.path("communeCodes").toString()).isEqualTo("[\"87001\",\"87002\"]");
    }

    @Test
    void expiredTokenUnauthorized() {
        String expired = TestUsers.expiredToken(TestUsers.provinceAdmin(), Duration.ofMinutes(5));
        getWithToken("/api/v1/auth/me", expired).expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void wronglySignedTokenUnauthorized() {
        AccessTokens otherKey = new AccessTokens(SigningKey.of(
                "a-different-key-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8), "test"),
                TestUsers.ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(5));
        String forged = otherKey.issueAccess(TestUsers.provinceAdmin()).value();

        getWithToken("/api/v1/auth/me", forged).expectProblem(401, "/problems/unauthorized");
        getWithToken("/api/v1/admin/users", forged).expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void malformedTokenUnauthorized() {
        getWithToken("/api/v1/auth/me", "not.a.jwt").expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void refreshTokenNotAcceptedAsAccessToken() {
        JsonNode tokens = post("/api/v1/auth/token", Map.of("username", "can.bo.xa", "password", PASSWORD)).expect(200);
        getWithToken("/api/v1/auth/me", tokens.path("refresh_token").asString())
                .expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void refreshIssuesNewAccessToken() {
        JsonNode tokens = post("/api/v1/auth/token", Map.of("username", "can.bo.xa", "password", PASSWORD)).expect(200);
        JsonNode refreshed = post("/api/v1/auth/refresh", Map.of("refresh_token", tokens.path("refresh_token").asString()))
                .expect(200);
        getWithToken("/api/v1/auth/me", refreshed.path("access_token").asString()).expect(200);

        post("/api/v1/auth/refresh", Map.of("refresh_token", tokens.path("access_token").asString()))
                .expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void publicReadsNeedNoToken() {
        get("/api/v1/layers").expect(200);
        get("/ogc/collections").expect(200);
    }

    @Test
    void securityHeadersSet() {
        HttpCalls.Response response = getWithToken("/api/v1/layers", null);
        assertThat(response.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
