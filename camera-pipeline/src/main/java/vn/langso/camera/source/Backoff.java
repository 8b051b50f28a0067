package vn.langso.camera.source;

import java.time.Duration;

/** Capped exponential backoff: initial, then doubling up to the maximum; {@link #reset()} after a success. */
public final class Backoff {

    private final Duration initial;
    private final Duration maximum;
    private Duration next;

    public Backoff(Duration initial, Duration maximum) {
        if (initial.isNegative() || initial.isZero() || maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= maximum, was " + initial + " and "
                    + maximum);
        }
        this.initial = initial;
        this.maximum = maximum;
        this.next = initial;
    }

    /** Returns the delay before the next attempt and doubles the one after it, up to the maximum. */
    public Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(maximum) > 0 ? maximum : doubled;
        return delay;
    }

    public void reset() {
        next = initial;
    }
}
