package vn.langso.backend.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A burst of rejected exports is reported once per interval, with the count since the last report. */
class RejectionCounterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RejectionCounter counter = new RejectionCounter(Duration.ofNanos(100), now::get);

    @Test
    void firstRejectionReportedAtOnce() {
        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void burstReportedOncePerInterval() {
        counter.count();

        now.addAndGet(10);
        assertThat(counter.count()).isZero();
        assertThat(counter.count()).isZero();
        now.addAndGet(89);
        assertThat(counter.count()).isZero();

        now.addAndGet(1);
        assertThat(counter.count()).isEqualTo(4);
        assertThat(counter.count()).isZero();
    }

    @Test
    void clockWrapDoesNotStopReports() {
        AtomicLong wrapping = new AtomicLong(Long.MAX_VALUE - 50);
        RejectionCounter nearWrap = new RejectionCounter(Duration.ofNanos(100), wrapping::get);

        assertThat(nearWrap.count()).isEqualTo(1);
        wrapping.addAndGet(100);
        assertThat(nearWrap.count()).isEqualTo(1);
    }
}
