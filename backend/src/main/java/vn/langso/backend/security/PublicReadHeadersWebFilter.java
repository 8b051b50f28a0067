package vn.langso.backend.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes on the public OGC reads, which skip the security filter chain, the same security headers that the chain
 * writes on every other response (see SecurityConfiguration's header settings; SecurityHeadersApiTest compares the
 * two).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicReadHeadersWebFilter implements WebFilter {

    /** Spring Security's default HSTS value with includeSubDomains, written on HTTPS requests only, like the chain. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return SecurityConfiguration.PUBLIC_READS.matches(exchange).flatMap(match -> {
            if (match.isMatch()) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("X-XSS-Protection", "0");
                headers.set("Referrer-Policy", "no-referrer");
                if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
                    headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
                }
            }
            return chain.filter(exchange);
        });
    }
}
