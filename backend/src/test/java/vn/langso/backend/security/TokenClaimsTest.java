package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Role names and claim paths of tokens. */
class TokenClaimsTest {

    @Test
    void roleNamesParsedLoosely() {
        assertThat(TokenClaims.parseRole("commune_official")).contains(Role.COMMUNE_OFFICIAL);
        assertThat(TokenClaims.parseRole(" Commune-Official ")).contains(Role.COMMUNE_OFFICIAL);
        assertThat(TokenClaims.parseRole("PROVINCE_ADMIN")).contains(Role.PROVINCE_ADMIN);
        assertThat(TokenClaims.parseRole("admin")).isEmpty();
        assertThat(TokenClaims.parseRole("")).isEmpty();
    }

    @Test
    void nestedListClaimRead() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("a", "b", 3)), "scope", "x y",
                "flat", 42);

        assertThat(TokenClaims.listClaim(claims, "realm_access.roles")).containsExactly("a", "b");
        assertThat(TokenClaims.listClaim(claims, "scope")).containsExactly("x", "y");
        assertThat(TokenClaims.listClaim(claims, "flat")).isEmpty();
        assertThat(TokenClaims.listClaim(claims, "realm_access.missing")).isEmpty();
        assertThat(TokenClaims.listClaim(claims, "flat.deeper")).isEmpty();
    }
}
