package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import vn.langso.backend.ApiTestSupport;

/**
 * The public OGC reads run outside the security filter chain: they must still carry the chain's security headers,
 * and they ignore credentials, which the rest of the API still checks.
 */
class PublicReadHeadersApiTest extends ApiTestSupport {

    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "X-XSS-Protection", "Referrer-Policy");

    @Test
    void ogcReadsCarryApiSecurityHeaders() {
        HttpHeaders ogc = client.get().uri("/ogc/collections").exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
        HttpHeaders api = client.get().uri("/api/v1/layers").exchange()
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();

        for (String name : SECURITY_HEADERS) {
            assertThat(ogc.get(name)).as(name).isNotEmpty();
            assertThat(ogc.get(name)).as(name).isEqualTo(api.get(name));
        }
        assertThat(ogc.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ogc.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void ogcReadsIgnoreBadToken() {
        client.get().uri("/ogc/collections").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange().expectStatus().isOk();

        client.get().uri("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void ogcWritesStayInChain() {
        // Only GET and HEAD skip the chain; any other method still goes through it and gets its headers.
        client.post().uri("/ogc/collections").exchange()
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }
}
