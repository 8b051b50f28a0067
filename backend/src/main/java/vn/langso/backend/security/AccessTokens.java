package vn.langso.backend.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs the backend's own access and refresh tokens (HS256). Encoding is CPU work without IO, but it draws a
 * random token id, so callers on an event loop should run it on a worker scheduler.
 */
public final class AccessTokens {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    public AccessTokens(SigningKey key, String issuer, Duration accessLifetime, Duration refreshLifetime) {
        this.encoder = NimbusJwtEncoder.withSecretKey(key.secretKey()).algorithm(MacAlgorithm.HS256).build();
        this.issuer = issuer;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
    }

    /** Issues an access token that carries the user's roles and scopes, valid from now for the access lifetime. */
    public IssuedToken issueAccess(CurrentUser user) {
        return issueAccess(user, Instant.now(), accessLifetime);
    }

    /** Issues an access token valid from {@code issuedAt} for {@code lifetime}; tests use it for expired tokens. */
    public IssuedToken issueAccess(CurrentUser user, Instant issuedAt, Duration lifetime) {
        if (user.isAnonymous()) {
            throw new IllegalArgumentException("An anonymous user cannot get a token");
        }
        Instant expiresAt = issuedAt.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.id())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.TOKEN_USE, "access")
                .claim(TokenClaims.NAME, user.displayName())
                .claim(TokenClaims.ROLES, user.roles().stream().map(TokenClaims::roleName).sorted().toList())
                .claim(TokenClaims.COMMUNE_CODES, sorted(user.communeCodes()))
                .claim(TokenClaims.AGENCY_CODES, sorted(user.agencyCodes()))
                .claim(TokenClaims.COOPERATIVE_IDS, sorted(user.cooperativeIds()))
                .claim(TokenClaims.SCHOOL_IDS, sorted(user.schoolIds()))
                .claim(TokenClaims.CLINIC_IDS, sorted(user.clinicIds()))
                .build();
        return new IssuedToken(encode(claims), expiresAt);
    }

    /**
     * Issues a refresh token: it names only the account, so a refresh reads the account's current roles and a
     * disabled account cannot refresh.
     */
    public IssuedToken issueRefresh(String userId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(userId)
                .issuedAt(now)
                .expiresAt(now.plus(refreshLifetime))
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.TOKEN_USE, "refresh")
                .build();
        return new IssuedToken(encode(claims), now.plus(refreshLifetime));
    }

    private String encode(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** A signed token and the instant it expires. */
    public record IssuedToken(String value, Instant expiresAt) {
    }
}
