package vn.langso.backend.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The request timeout turns an API request that never completes into a 503 problem. */
@TestPropertySource(properties = "langso.api.request-timeout=300ms")
@Import(RequestTimeoutTest.NeverCompletingRoute.class)
class RequestTimeoutTest extends ApiTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class NeverCompletingRoute {

        @Bean
        RouterFunction<ServerResponse> neverCompletingRouter() {
            return RouterFunctions.route().GET("/api/v1/test/never", request -> Mono.never()).build();
        }
    }

    @Test
    void hangingRequestTimesOut() {
        JsonNode problem = get("/api/v1/test/never").expectProblem(503, "/problems/request-timeout");

        assertThat(problem.path("detail").asString()).contains("300 ms");
    }

    @Test
    void fastRequestUnaffected() {
        assertThat(get("/api/v1/health").expect(200).path("status").asString()).isEqualTo("UP");
    }
}
