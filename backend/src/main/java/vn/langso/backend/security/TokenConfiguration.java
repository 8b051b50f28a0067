package vn.langso.backend.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing key, token issuing and rate limits. They are separate from the web filter chain so that the
 * command-line tasks of the backend jar (such as creating the first administrator) get them without a web server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class TokenConfiguration {

    @Bean
    SigningKey signingKey(SecurityProperties properties) {
        return SigningKey.from(properties.jwt());
    }

    @Bean
    AccessTokens accessTokens(SigningKey key, SecurityProperties properties) {
        SecurityProperties.Jwt jwt = properties.jwt();
        return new AccessTokens(key, jwt.issuer(), jwt.accessTokenLifetime(), jwt.refreshTokenLifetime());
    }

    @Bean
    TokenVerifier tokenVerifier(SigningKey key, SecurityProperties properties) {
        return new TokenVerifier(SecurityConfiguration.embeddedDecoder(key, properties.jwt().issuer(), "refresh"));
    }

    @Bean
    RateLimiter rateLimiter() {
        return new RateLimiter(Clock.systemUTC());
    }

    @Bean
    RateLimits rateLimits(SecurityProperties properties) {
        return new RateLimits(properties.limits());
    }
}
