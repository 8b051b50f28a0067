package vn.langso.backend.reports;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.Problem;

/**
 * Writes a {@link ReportProblem} as {@code application/problem+json}. It runs before the shared problem handler,
 * which keeps handling every other error.
 */
@Component
@Order(-3)
class ReportProblemHandler implements WebExceptionHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof ReportProblem problem) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String instance = exchange.getRequest().getPath().value().replaceAll("[\\r\\n]", "_");
        Problem body = new Problem("/problems/" + problem.slug(), problem.title(), problem.status(), problem.detail(),
                instance, List.of());
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(problem.status()));
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.setContentType(Problem.MEDIA_TYPE);
        if (problem.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfter().toSeconds())));
        }
        if (problem.status() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(bytes);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }
}
