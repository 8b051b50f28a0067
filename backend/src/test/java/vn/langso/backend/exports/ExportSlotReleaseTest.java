package vn.langso.backend.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The filter that releases the slot of a request whose export body never ran. */
class ExportSlotReleaseTest {

    private final ExportSlotRelease filter = new ExportSlotRelease();

    @Test
    void endedRequestReleasesSlot() {
        ExportLimiter limiter = new ExportLimiter(1);
        MockServerWebExchange exchange = exchangeHolding(limiter);

        StepVerifier.create(filter.filter(exchange, ignored -> Mono.empty())).verifyComplete();

        assertThat(limiter.running()).isZero();
    }

    @Test
    void cancelledRequestReleasesSlot() {
        ExportLimiter limiter = new ExportLimiter(1);
        MockServerWebExchange exchange = exchangeHolding(limiter);

        StepVerifier.create(filter.filter(exchange, ignored -> Mono.never()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(10))
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        assertThat(limiter.running()).isZero();
    }

    @Test
    void requestWithoutSlotIgnored() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/layers"));

        StepVerifier.create(filter.filter(exchange, ignored -> Mono.empty())).verifyComplete();
    }

    private static MockServerWebExchange exchangeHolding(ExportLimiter limiter) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/layers/merchants/export?format=csv"));
        exchange.getAttributes().put(ExportSlotRelease.SLOT_ATTRIBUTE, limiter.tryAcquire().orElseThrow());
        assertThat(limiter.running()).isEqualTo(1);
        return exchange;
    }
}
