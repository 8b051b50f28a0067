package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.HttpCalls;
import vn.langso.backend.testing.TestUsers;

/**
 * Resource-server mode against a local identity provider: a JWKS served on 127.0.0.1 by this test and tokens it
 * signs, with Keycloak's claim layout ({@code realm_access.roles}) and a role prefix.
 */
class OidcResourceServerApiTest extends ApiTestSupport {

    private static final RSAKey PROVIDER_KEY = generateKey("provider-key");
    private static final RSAKey FOREIGN_KEY = generateKey("provider-key");
    private static final HttpServer JWKS_SERVER = startJwksServer();
    private static final String ISSUER = "http://127.0.0.1:" + JWKS_SERVER.getAddress().getPort() + "/realms/dongthap";

    @DynamicPropertySource
    static void oidcProperties(DynamicPropertyRegistry registry) {
        registry.add("langso.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("langso.security.oidc.jwk-set-uri", () -> ISSUER + "/protocol/openid-connect/certs");
        registry.add("langso.security.oidc.roles-claim", () -> "realm_access.roles");
        registry.add("langso.security.oidc.role-prefix", () -> "langso_");
        registry.add("langso.security.oidc.audience", () -> "langso-api");
    }

    @AfterAll
    static void stopJwksServer() {
        JWKS_SERVER.stop(0);
    }

    @Test
    void providerTokenMapsRolesAndScopes() {
        String token = sign(PROVIDER_KEY, claims(ISSUER, Instant.now().plusSeconds(300))
                .claim("realm_access", Map.of("roles", List.of("langso_commune_official", "offline_access", "langso_nonsense")))
                .claim("commune_codes", List.of("87001"))
                .build());

        JsonNode me = new HttpCalls(client).get("/api/v1/auth/me", token).expect(200);
        assertThat(me.path("id").asString()).isEqualTo("kc-user-1");
        assertThat(me.path("displayName").asString()).isEqualTo("Nguyễn Văn Bình");
        assertThat(me.path("roles").toString()).isEqualTo("[\"commune_official\"]");
        assertThat(me.path("communeCodes").toString()).isEqualTo("[\"87001\"]");
    }

    @Test
    void providerAdministratorManagesAccounts() {
        String token = sign(PROVIDER_KEY, claims(ISSUER, Instant.now().plusSeconds(300))
                .claim("realm_access", Map.of("roles", List.of("langso_province_admin"))).build());

        new HttpCalls(client).get("/api/v1/admin/users", token).expect(200);
    }

    @Test
    void expiredProviderTokenRejected() {
        String token = sign(PROVIDER_KEY, claims(ISSUER, Instant.now().minusSeconds(600))
                .claim("realm_access", Map.of("roles", List.of("langso_province_admin"))).build());

        new HttpCalls(client).get("/api/v1/auth/me", token).expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void wronglySignedProviderTokenRejected() {
        String token = sign(FOREIGN_KEY, claims(ISSUER, Instant.now().plusSeconds(300))
                .claim("realm_access", Map.of("roles", List.of("langso_province_admin"))).build());

        new HttpCalls(client).get("/api/v1/admin/users", token).expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void unknownIssuerRejected() {
        String token = sign(PROVIDER_KEY, claims("http://127.0.0.1:9/realms/other", Instant.now().plusSeconds(300))
                .build());

        new HttpCalls(client).get("/api/v1/auth/me", token).expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void wrongAudienceRejected() {
        String token = sign(PROVIDER_KEY, claims(ISSUER, Instant.now().plusSeconds(300))
                .audience("another-client").build());

        new HttpCalls(client).get("/api/v1/auth/me", token).expectProblem(401, "/problems/unauthorized");
    }

    @Test
    void embeddedTokensStillAccepted() {
        new HttpCalls(client).get("/api/v1/auth/me", TestUsers.token(TestUsers.planner())).expect(200);
    }

    private static JWTClaimsSet.Builder claims(String issuer, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("kc-user-1")
                .audience(List.of("langso-api", "account"))
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .claim("name", "Nguyễn Văn Bình")
                .claim("preferred_username", "binh.nv");
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Failed to sign a test token", e);
        }
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Failed to generate a test RSA key", e);
        }
    }

    /** Serves the provider's public key set on a loopback port, as Keycloak's certs endpoint does. */
    private static HttpServer startJwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = new JWKSet(PROVIDER_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/dongthap/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Failed to start the local JWKS server", e);
        }
    }
}
