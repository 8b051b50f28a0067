package vn.langso.backend.security;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.UnauthorizedException;

/** Verifies the backend's refresh tokens, which the bearer filter never accepts as access tokens. */
public final class TokenVerifier {

    private final ReactiveJwtDecoder refreshDecoder;

    TokenVerifier(ReactiveJwtDecoder refreshDecoder) {
        this.refreshDecoder = refreshDecoder;
    }

    /** Returns the account id of a valid refresh token, or fails with a 401 problem. */
    public Mono<String> refreshSubject(String token) {
        return refreshDecoder.decode(token)
                .map(jwt -> jwt.getSubject())
                .onErrorMap(JwtException.class, error -> new UnauthorizedException(
                        "The refresh token is invalid or expired. Sign in again with POST /api/v1/auth/token."));
    }
}
