package vn.langso.backend.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Taking and releasing export slots, and the release of a slot at every end of an export body. */
class ExportLimiterTest {

    @Test
    void rejectsBeyondLimitUntilRelease() {
        ExportLimiter limiter = new ExportLimiter(2);

        ExportLimiter.Slot first = limiter.tryAcquire().orElseThrow();
        limiter.tryAcquire().orElseThrow();
        assertThat(limiter.running()).isEqualTo(2);
        assertThat(limiter.tryAcquire()).isEmpty();

        first.release();
        assertThat(limiter.running()).isEqualTo(1);
        assertThat(limiter.tryAcquire()).isPresent();
        assertThat(limiter.tryAcquire()).isEmpty();
    }

    @Test
    void releasingTwiceFreesOneSlot() {
        ExportLimiter limiter = new ExportLimiter(2);
        ExportLimiter.Slot slot = limiter.tryAcquire().orElseThrow();
        limiter.tryAcquire().orElseThrow();

        slot.release();
        slot.release();

        assertThat(limiter.running()).isEqualTo(1);
    }

    @Test
    void completedBodyReleasesSlot() {
        ExportLimiter limiter = new ExportLimiter(1);
        ExportLimiter.Slot slot = limiter.tryAcquire().orElseThrow();

        Flux<Integer> body = slot.releaseWhenDone(() -> Flux.range(1, 3));
        assertThat(limiter.running()).as("not released before the body is subscribed").isEqualTo(1);

        StepVerifier.create(body).expectNext(1, 2, 3).verifyComplete();
        assertThat(limiter.running()).isZero();
    }

    @Test
    void failedBodyReleasesSlot() {
        ExportLimiter limiter = new ExportLimiter(1);
        ExportLimiter.Slot slot = limiter.tryAcquire().orElseThrow();

        Flux<Integer> body = slot.releaseWhenDone(() -> Flux.concat(Flux.just(1),
                Flux.error(new IllegalStateException("query failed"))));

        StepVerifier.create(body).expectNext(1).verifyErrorMessage("query failed");
        assertThat(limiter.running()).isZero();
    }

    @Test
    void throwingBodyFactoryReleasesSlot() {
        ExportLimiter limiter = new ExportLimiter(1);
        ExportLimiter.Slot slot = limiter.tryAcquire().orElseThrow();

        Flux<Integer> body = slot.releaseWhenDone(() -> {
            throw new IllegalStateException("no columns");
        });

        StepVerifier.create(body).verifyErrorMessage("no columns");
        assertThat(limiter.running()).isZero();
    }

    @Test
    void cancelledBodyReleasesSlot() {
        ExportLimiter limiter = new ExportLimiter(1);

        for (int download = 0; download < 100; download++) {
            Optional<ExportLimiter.Slot> slot = limiter.tryAcquire();
            assertThat(slot).as("slot of download %d", download).isPresent();
            Flux<Long> endless = slot.get().releaseWhenDone(() -> Flux.interval(Duration.ofMillis(1)));
            StepVerifier.create(endless).expectNextCount(2).thenCancel().verify(Duration.ofSeconds(5));
        }

        assertThat(limiter.running()).isZero();
    }

    @Test
    void limitBelowOneRejected() {
        assertThatThrownBy(() -> new ExportLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
