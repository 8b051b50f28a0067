package vn.langso.backend.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import vn.langso.backend.security.AccessTokens;

/** The body of a successful sign-in or refresh, in the field names of OAuth 2.0 (RFC 6749, section 5.1). */
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("refresh_token") String refreshToken,
                     UserView user) {

    static TokenResponse of(AccessTokens.IssuedToken access, AccessTokens.IssuedToken refresh, UserView user) {
        long seconds = Math.max(0, access.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        return new TokenResponse(access.value(), "Bearer", seconds, refresh.value(), user);
    }
}
