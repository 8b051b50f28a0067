package vn.langso.backend.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.RequestTimeoutException;

/**
 * Fails an {@code /api/} request that runs longer than the configured timeout; cancelling the chain
 * also cancels its database queries.
 */
// NOTE: long-lived streams (server-sent events) must be exempted here once they exist.
class RequestTimeoutFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestTimeoutFilter.class);

    private final Duration timeout;

    RequestTimeoutFilter(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || isExport(path)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).timeout(timeout, Mono.defer(() -> {
            log.warn("Request {} timed out after {} ms", path.replaceAll("[\\r\\n]", "_"), timeout.toMillis());
            return Mono.error(new RequestTimeoutException(timeout));
        }));
    }

    /**
     * Exports stream a whole layer and may run for minutes; they end when the client disconnects, which
     * cancels their query.
     */
    private static boolean isExport(String path) {
        return path.startsWith("/api/v1/layers/") && path.endsWith("/export");
    }
}
