package vn.langso.backend.security;

import java.time.Duration;

/**
 * A limit of {@code permits} events per key within a sliding {@code window}.
 *
 * @param name    what is limited, used in messages and logs, for example {@code sign-in}
 * @param permits events allowed per key within the window
 * @param window  length of the sliding window
 */
public record RateLimit(String name, int permits, Duration window) {

    public RateLimit {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least one permit and a positive window: " + name);
        }
    }
}
