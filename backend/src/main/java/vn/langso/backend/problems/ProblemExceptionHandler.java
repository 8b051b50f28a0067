package vn.langso.backend.problems;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Writes every error of a request as {@code application/problem+json}: {@link ApiException}s with their
 * own type, framework status errors (no route, wrong method) as the matching type, and anything else as a
 * logged 500 that shows no internals. Ordered before Spring Boot's default error handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ServerResponse.Context responseContext;

    ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            log.warn("Error after the response to {} was committed: {}", path(exchange), error.toString());
            return Mono.error(error);
        }
        Problem problem = toProblem(exchange, error);
        return ServerResponse.status(problem.status())
                .headers(headers -> {
                    if (error instanceof ResponseStatusException statusError) {
                        headers.addAll(statusError.getHeaders());
                    }
                    if (error instanceof ApiException apiError) {
                        apiError.responseHeaders().forEach(headers::set);
                    }
                })
                .contentType(Problem.MEDIA_TYPE)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    private Problem toProblem(ServerWebExchange exchange, Throwable error) {
        String instance = path(exchange);
        if (error instanceof ApiException apiError) {
            log.debug("Request {} failed: {}", instance, apiError.detail());
            return Problem.of(apiError.type(), apiError.detail(), instance, apiError.invalidParams());
        }
        if (error instanceof ResponseStatusException statusError) {
            return fromStatus(statusError, exchange, instance);
        }
        log.error("Request {} {} failed unexpectedly", exchange.getRequest().getMethod(), instance, error);
        return Problem.of(ProblemType.INTERNAL_ERROR,
                "The server failed to process the request; the error is logged. Retry later.", instance, List.of());
    }

    /** Tells whether a request path belongs to the OGC API, which has its own API description. */
    private static boolean isOgc(String instance) {
        return instance.equals("/ogc") || instance.startsWith("/ogc/");
    }

    private static Problem fromStatus(ResponseStatusException error, ServerWebExchange exchange, String instance) {
        int status = error.getStatusCode().value();
        String method = String.valueOf(exchange.getRequest().getMethod());
        return switch (status) {
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "No endpoint at " + instance + ". The API is described at "
                    + (isOgc(instance) ? "/ogc/api" : "/api/v1/openapi.json") + ".", instance, List.of());
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on "
                    + instance + ". Use GET.", instance, List.of());
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE, "No representation of " + instance
                    + " matches the Accept header. Accept application/json.", instance, List.of());
            default -> {
                if (status >= 500) {
                    log.error("Request {} {} failed with status {}", method, instance, status, error);
                }
                HttpStatus known = HttpStatus.resolve(status);
                String title = known == null ? "HTTP " + status : known.getReasonPhrase();
                String reason = error.getReason() == null ? title : error.getReason();
                yield new Problem("about:blank", title, status, reason, instance, List.of());
            }
        };
    }

    /** Returns the request path without line breaks, so that it is safe to log. */
    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().replaceAll("[\\r\\n]", "_");
    }
}
