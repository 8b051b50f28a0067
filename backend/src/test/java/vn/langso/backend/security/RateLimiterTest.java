package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.langso.backend.problems.TooManyRequestsException;

/** The sliding-window limiter on a clock that the test moves. */
class RateLimiterTest {

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final RateLimiter limiter = new RateLimiter(clock);
    private final RateLimit limit = new RateLimit("test", 3, Duration.ofMinutes(1));

    @Test
    void fourthEventInWindowRejectedWithWait() {
        for (int i = 0; i < 3; i++) {
            limiter.check(limit, "a").block();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> limiter.check(limit, "a").block())
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        error -> assertThat(error.retryAfterSeconds()).isEqualTo(30));
    }

    @Test
    void windowSlidesAndKeysAreSeparate() {
        for (int i = 0; i < 3; i++) {
            limiter.check(limit, "a").block();
        }
        limiter.check(limit, "b").block();
        clock.advance(Duration.ofSeconds(60));

        limiter.check(limit, "a").block();
    }

    @Test
    void recordCountsWithoutCheckingAndResetForgets() {
        for (int i = 0; i < 5; i++) {
            limiter.record(limit, "a");
        }
        assertThatThrownBy(() -> limiter.ensureAvailable(limit, "a").block()).isInstanceOf(TooManyRequestsException.class);

        limiter.reset(limit, "a");
        limiter.ensureAvailable(limit, "a").block();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(new TooManyRequestsException("x", Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TooManyRequestsException("x", Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new TooManyRequestsException("x", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }
}
