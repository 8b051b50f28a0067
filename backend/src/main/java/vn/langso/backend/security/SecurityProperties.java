package vn.langso.backend.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code langso.security}, validated at start-up.
 *
 * @param jwt    tokens that the backend issues
 * @param oidc   an external OpenID Connect issuer whose tokens are accepted too (resource-server mode)
 * @param limits rate limits and the lockout of accounts
 */
@ConfigurationProperties("langso.security")
@Validated
public record SecurityProperties(@DefaultValue @Valid @NotNull Jwt jwt,
                                 @DefaultValue @Valid @NotNull Oidc oidc,
                                 @DefaultValue @Valid @NotNull Limits limits) {

    /**
     * @param secret               HMAC-SHA256 signing key, at least 32 bytes ({@code LANGSO_JWT_SECRET}); never logged
     * @param secretFile           file whose content (trimmed) is the signing key ({@code LANGSO_JWT_SECRET_FILE})
     * @param issuer               {@code iss} claim of issued tokens (default {@code langso})
     * @param accessTokenLifetime  lifetime of an access token (default 15m)
     * @param refreshTokenLifetime lifetime of a refresh token (default 8h)
     */
    public record Jwt(String secret, Path secretFile,
                      @DefaultValue("langso") @NotBlank String issuer,
                      @DefaultValue("15m") @NotNull Duration accessTokenLifetime,
                      @DefaultValue("8h") @NotNull Duration refreshTokenLifetime) {

        @AssertTrue(message = "set only one of langso.security.jwt.secret (LANGSO_JWT_SECRET) and "
                + "langso.security.jwt.secret-file (LANGSO_JWT_SECRET_FILE)")
        public boolean isOneKeySource() {
            return secret == null || secret.isEmpty() || secretFile == null || secretFile.toString().isEmpty();
        }
    }

    /**
     * @param issuerUri   {@code iss} of the provider's tokens, for example {@code https://id.example.vn/realms/dongthap};
     *                    resource-server mode is on when it is set
     * @param jwkSetUri   where the provider's signing keys are published (JWKS); required with {@code issuer-uri}
     * @param audience    when set, tokens must name it in {@code aud}
     * @param rolesClaim  claim holding the role names, a dotted path into nested objects such as
     *                    {@code realm_access.roles} (default {@code roles})
     * @param rolePrefix  prefix that marks the provider's role names meant for this platform, removed before
     *                    mapping (default none: every name is mapped)
     * @param nameClaim   claim shown as the user's name (default {@code name}, then {@code preferred_username})
     */
    public record Oidc(URI issuerUri, URI jwkSetUri, String audience,
                       @DefaultValue("roles") @NotBlank String rolesClaim,
                       @DefaultValue("") String rolePrefix,
                       @DefaultValue("name") @NotBlank String nameClaim) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.toString().isEmpty();
        }

        @AssertTrue(message = "langso.security.oidc.jwk-set-uri is required when langso.security.oidc.issuer-uri is set")
        public boolean isJwkSetUriGiven() {
            return !enabled() || (jwkSetUri != null && !jwkSetUri.toString().isEmpty());
        }
    }

    /**
     * @param signInFailures        wrong passwords or codes allowed per user name or phone within one minute; the next
     *                              attempt gets 429 (default 5)
     * @param signInFailuresPerClient wrong passwords or codes allowed per client address within one minute (default
     *                              20). It is higher than the per-name limit because a commune office or a mobile
     *                              carrier puts many people behind one address.
     * @param oneTimeCodes          one-time codes sent per phone number within one hour (default 5)
     * @param oneTimeCodesPerClient one-time codes sent per client address within one hour (default 20)
     * @param anonymousSubmissions  anonymous submissions (such as reports) per client address within one hour (default 20)
     * @param lockoutThreshold      consecutive wrong passwords that lock an account (default 10)
     * @param lockoutDuration       how long a locked account stays locked (default 15m)
     */
    public record Limits(@DefaultValue("5") @Min(1) int signInFailures,
                         @DefaultValue("20") @Min(1) int signInFailuresPerClient,
                         @DefaultValue("5") @Min(1) int oneTimeCodes,
                         @DefaultValue("20") @Min(1) int oneTimeCodesPerClient,
                         @DefaultValue("20") @Min(1) int anonymousSubmissions,
                         @DefaultValue("10") @Min(1) int lockoutThreshold,
                         @DefaultValue("15m") @NotNull Duration lockoutDuration) {
    }
}
