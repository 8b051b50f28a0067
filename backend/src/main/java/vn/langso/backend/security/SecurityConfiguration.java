package vn.langso.backend.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.ForbiddenException;
import vn.langso.backend.problems.UnauthorizedException;

/**
 * The API's filter chain: bearer JWTs are verified on every request that carries one (a bad one gets 401), a request
 * without one is anonymous, and each feature decides access from {@link CurrentUser} in its own access class. Only
 * the administration paths of accounts and audit require a signed-in user here. No cookies or sessions are used, so
 * CSRF protection is off; the ui (Vaadin) has its own. Public reads of the OGC API ({@link #PUBLIC_READS}) run
 * outside the chain, because its filters were a measurable share of the time of a small vector tile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Reads of the OGC API, public and the same for everyone, which skip this chain: no token is read on them. Their
     * security headers come from {@link PublicReadHeadersWebFilter}.
     */
    static final ServerWebExchangeMatcher PUBLIC_READS = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/ogc", "/ogc/**"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/ogc", "/ogc/**"));

    /** Paths whose bearer credential is a machine key checked by its feature, not a user's token. */
    static final String MACHINE_KEY_PATHS = "/api/v1/camera-ingest/**";

    @Bean
    SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, SigningKey key, SecurityProperties properties) {
        JwtIssuerReactiveAuthenticationManagerResolver managers = issuerManagers(key, properties);
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(PUBLIC_READS))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        // Responses set their own Cache-Control (tiles are cacheable); Spring's default would not override
                        // it, but it would mark every other public read as uncacheable.
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .contentTypeOptions(options -> { })
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // Written only on HTTPS requests, so a TLS-terminating deployment gets HSTS without a change here.
                        .hsts(hsts -> hsts.includeSubdomains(true)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .pathMatchers("/api/v1/admin/**", "/api/v1/auth/me").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(userBearerTokens())
                        .authenticationManagerResolver(managers)
                        .authenticationEntryPoint((exchange, error) -> Mono.error(unauthorized(error)))
                        .accessDeniedHandler((exchange, error) -> Mono.error(forbidden())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, error) -> Mono.error(unauthorized(error)))
                        .accessDeniedHandler((exchange, error) -> Mono.error(forbidden())))
                .addFilterAfter(new CurrentUserWebFilter(), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * Reads the bearer token of a user, except on paths where machines send their own keys in the same header:
     * camera agents authenticate with agent keys that the cameras feature checks, so those are not JWTs.
     */
    private static ServerAuthenticationConverter userBearerTokens() {
        ServerBearerTokenAuthenticationConverter tokens = new ServerBearerTokenAuthenticationConverter();
        ServerWebExchangeMatcher machinePaths = new PathPatternParserServerWebExchangeMatcher(MACHINE_KEY_PATHS);
        return exchange -> machinePaths.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : tokens.convert(exchange));
    }

    /** Picks the verifier by the token's {@code iss}: the backend's own key, or the configured OIDC issuer's JWKS. */
    private static JwtIssuerReactiveAuthenticationManagerResolver issuerManagers(SigningKey key, SecurityProperties properties) {
        Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();
        String issuer = properties.jwt().issuer();
        JwtReactiveAuthenticationManager embedded = new JwtReactiveAuthenticationManager(embeddedDecoder(key, issuer, "access"));
        embedded.setJwtAuthenticationConverter(jwt -> Mono.just(new CurrentUserAuthentication(jwt, TokenClaims.embeddedUser(jwt))));
        managers.put(issuer, embedded);

        SecurityProperties.Oidc oidc = properties.oidc();
        if (oidc.enabled()) {
            managers.put(oidc.issuerUri().toString(), oidcManager(oidc));
            log.info("Resource-server mode: accepting tokens of issuer {} with keys from {}", oidc.issuerUri(), oidc.jwkSetUri());
        }
        return new JwtIssuerReactiveAuthenticationManagerResolver(tokenIssuer -> Mono.justOrEmpty(managers.get(tokenIssuer)));
    }

    private static ReactiveAuthenticationManager oidcManager(SecurityProperties.Oidc oidc) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri().toString()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(oidc.issuerUri().toString()));
        if (oidc.audience() != null && !oidc.audience().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    audiences -> audiences != null && audiences.contains(oidc.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(new CurrentUserAuthentication(jwt, TokenClaims.oidcUser(jwt, oidc))));
        return manager;
    }

    /** Creates a decoder of the backend's own tokens that accepts only the given {@code token_use}. */
    static NimbusReactiveJwtDecoder embeddedDecoder(SigningKey key, String issuer, String tokenUse) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key.secretKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<String>(TokenClaims.TOKEN_USE, tokenUse::equals)));
        return decoder;
    }

    private static UnauthorizedException unauthorized(AuthenticationException error) {
        if (!(error instanceof OAuth2AuthenticationException)) {
            return new UnauthorizedException("This operation needs a signed-in user. Send 'Authorization: Bearer <token>' "
                    + "with a token from POST /api/v1/auth/token.");
        }
        String reason = error.getMessage() == null ? "" : " (" + error.getMessage().replaceAll("[\\r\\n]", " ") + ")";
        return new UnauthorizedException("The bearer token was rejected" + reason
                + ". Sign in again to get a new token.");
    }

    private static ForbiddenException forbidden() {
        return new ForbiddenException("The signed-in user's roles do not allow this operation.");
    }
}
