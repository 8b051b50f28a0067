package vn.langso.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.blockhound.BlockingOperationError;
import reactor.core.scheduler.Schedulers;

/**
 * Exercises every endpoint, success and error paths, with BlockHound installed by
 * {@link BlockHoundSessionListener}: any blocking call on a Netty event-loop or Reactor non-blocking thread
 * raises an error, which the API reports as a 500.
 */
@Import(NonBlockingApiTest.BlockingRoute.class)
class NonBlockingApiTest extends ApiTestSupport {

    /** A deliberately blocking handler, to prove that blocking on the server's event loop is detected. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BlockingRoute {

        @Bean
        RouterFunction<ServerResponse> blockingRouter() {
            return RouterFunctions.route().GET("/api/v1/test/blocking", request -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ServerResponse.ok().bodyValue("slept on " + Thread.currentThread().getName());
            }).build();
        }
    }

    @BeforeAll
    static void insertFixtures() {
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test')""",
                """
                INSERT INTO clinic (name, geom, facility_type, source, source_key) VALUES
                  ('Bệnh viện Đa khoa Đồng Tháp', ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326), 'hospital', 'test', '1'),
                  ('Trạm Y tế xã Tân Thuận Tây', ST_SetSRID(ST_MakePoint(105.64, 10.45), 4326), 'health_station', 'test', '2')""");
    }

    @Test
    void blockHoundDetectsSleep() throws Exception {
        CompletableFuture<Throwable> sleepOutcome = new CompletableFuture<>();
        Schedulers.parallel().schedule(() -> {
            try {
                Thread.sleep(1);
                sleepOutcome.complete(null);
            } catch (Throwable error) {
                sleepOutcome.complete(error);
            }
        });

        assertThat(sleepOutcome.get(30, TimeUnit.SECONDS)).isInstanceOf(BlockingOperationError.class);
    }

    @Test
    void blockingHandlerDetected() {
        get("/api/v1/test/blocking").expectProblem(500, "/problems/internal-error");
    }

    @Test
    void endpointsDoNotBlock() {
        List<String> successes = List.of(
                "/api/v1/health",
                "/api/v1/layers",
                "/api/v1/layers/clinics/features",
                "/api/v1/layers/clinics/features?bbox=105.6,10.4,105.7,10.5&q=benh%20vien&commune=90001",
                "/api/v1/layers/clinics/features?lon=105.63&lat=10.46&radius=5000&limit=1",
                "/api/v1/layers/clinics/features?bbox=177,-10,-177,10",
                "/api/v1/layers/clinics/nearest?lon=105.63&lat=10.46&count=2",
                "/api/v1/layers/schools/features",
                "/api/v1/communes",
                "/api/v1/communes/90001",
                "/api/v1/communes/at?lon=105.6329&lat=10.4603",
                "/api/v1/communes/search?q=tan%20thuan",
                "/api/v1/admin-units?level=commune&date=2025-08-01",
                "/problems/invalid-bbox",
                "/api/v1/openapi.json");
        for (String path : successes) {
            assertThat(get(path).status()).as("GET %s", path).isEqualTo(200);
        }

        List<String> clientErrors = List.of(
                "/api/v1/layers/nothing/features",
                "/api/v1/layers/clinics/features/999",
                "/api/v1/layers/clinics/features?limit=abc",
                "/api/v1/layers/clinics/features?bbox=106,10,105,11",
                "/api/v1/communes/00000",
                "/api/v1/communes/at?lon=107.5&lat=9.0",
                "/api/v1/communes/at?lon=10.46&lat=105.63",
                "/api/v1/communes/search?q=",
                "/nothing");
        for (String path : clientErrors) {
            int status = get(path).status();
            assertThat(status).as("GET %s", path).isBetween(400, 499);
        }
    }
}
