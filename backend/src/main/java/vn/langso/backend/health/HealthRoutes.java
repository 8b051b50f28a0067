package vn.langso.backend.health;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/health}: UP with 200 when the database responds within two seconds, else DOWN with 503. */
@Configuration(proxyBeanMethods = false)
class HealthRoutes {

    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    RouterFunction<ServerResponse> healthRouter(DatabaseClient database) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/health"), request -> database.sql("SELECT 1 AS alive")
                        .map(row -> row.get("alive", Integer.class))
                        .one()
                        .timeout(DATABASE_TIMEOUT)
                        .map(alive -> true)
                        .onErrorResume(error -> {
                            log.warn("Health check failed: the database did not respond: {}", error.toString());
                            return Mono.just(false);
                        })
                        .flatMap(up -> ServerResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN"))))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/health"))
                .build();
    }
}
