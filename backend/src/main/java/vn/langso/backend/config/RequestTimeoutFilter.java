package vn.langso.backend.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.RequestTimeoutException;

/**
 * Fails an {@code /api/} request that runs longer than the configured timeout; cancelling the chain
 * also cancels its database queries.
 */
class RequestTimeoutFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestTimeoutFilter.class);

    private final Duration timeout;

    RequestTimeoutFilter(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || isExport(path) || isLongLived(exchange)) {
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

    /**
     * Server-sent event streams and WebSocket sessions stay open for as long as the client wants them; they end
     * when it disconnects.
     */
    private static boolean isLongLived(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean eventStream = headers.getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
        boolean webSocket = "websocket".equalsIgnoreCase(headers.getUpgrade());
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return eventStream || webSocket || path.equals("/api/v1/live");
    }
}
