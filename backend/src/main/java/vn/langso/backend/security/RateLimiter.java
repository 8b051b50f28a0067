package vn.langso.backend.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.TooManyRequestsException;

/**
 * Counts events per limit and key (a client address, a user name, a phone number) in a sliding window and rejects
 * the event that would exceed the limit with a 429 problem carrying Retry-After. Features call {@link #check} for
 * every attempt, or {@link #ensureAvailable} and {@link #record} to count only failures.
 *
 * <p>NOTE: counts live in this process's memory, so each backend instance enforces its own limits and a restart
 * clears them; several instances behind a load balancer together allow up to their number times each limit.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /** Keys checked between sweeps of expired windows, so that the map does not grow without bound. */
    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one event and fails with {@link TooManyRequestsException} when it exceeds the limit. */
    public Mono<Void> check(RateLimit limit, String key) {
        return Mono.defer(() -> {
            Duration wait = window(limit, key).tryAcquire(clock.instant(), limit.permits());
            sweepSometimes();
            return wait == null ? Mono.<Void>empty() : Mono.error(tooMany(limit, key, wait));
        });
    }

    /** Fails when the limit is already used up for the key, without counting an event. */
    public Mono<Void> ensureAvailable(RateLimit limit, String key) {
        return Mono.defer(() -> {
            Window window = windows.get(id(limit, key));
            Duration wait = window == null ? null : window.waitTime(clock.instant(), limit.permits());
            return wait == null ? Mono.<Void>empty() : Mono.error(tooMany(limit, key, wait));
        });
    }

    /** Counts one event without checking, for limits on failures counted after the outcome is known. */
    public void record(RateLimit limit, String key) {
        window(limit, key).add(clock.instant());
        sweepSometimes();
    }

    /** Forgets the key's events, for example after a successful sign-in. */
    public void reset(RateLimit limit, String key) {
        windows.remove(id(limit, key));
    }

    private Window window(RateLimit limit, String key) {
        return windows.computeIfAbsent(id(limit, key), ignored -> new Window(limit.window()));
    }

    private void sweepSometimes() {
        if (untilSweep.decrementAndGet() > 0) {
            return;
        }
        untilSweep.set(SWEEP_EVERY);
        Instant now = clock.instant();
        windows.values().removeIf(window -> window.isIdle(now));
    }

    /** Instants of the events of one limit and key within the last {@code length}, oldest first. */
    private static final class Window {

        private final Duration length;
        private final Deque<Instant> times = new ArrayDeque<>();

        Window(Duration length) {
            this.length = length;
        }

        synchronized Duration tryAcquire(Instant now, int permits) {
            trim(now);
            if (times.size() >= permits) {
                return Duration.between(now, times.peekFirst().plus(length));
            }
            times.addLast(now);
            return null;
        }

        synchronized Duration waitTime(Instant now, int permits) {
            trim(now);
            return times.size() < permits ? null : Duration.between(now, times.peekFirst().plus(length));
        }

        synchronized void add(Instant now) {
            trim(now);
            times.addLast(now);
        }

        synchronized boolean isIdle(Instant now) {
            trim(now);
            return times.isEmpty();
        }

        private void trim(Instant now) {
            Instant oldestKept = now.minus(length);
            while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
                times.removeFirst();
            }
        }
    }

    private static String id(RateLimit limit, String key) {
        return limit.name() + '\u0000' + key;
    }

    private static TooManyRequestsException tooMany(RateLimit limit, String key, Duration wait) {
        log.warn("Rate limit {} reached for {}", limit.name(), key.replaceAll("[\\r\\n]", "_"));
        return new TooManyRequestsException("Too many " + limit.name() + " attempts: at most " + limit.permits()
                + " within " + describe(limit.window()) + ". Wait before trying again (see Retry-After).", wait);
    }

    private static String describe(Duration window) {
        if (window.toHours() >= 1 && window.toMinutesPart() == 0) {
            return window.toHours() == 1 ? "one hour" : window.toHours() + " hours";
        }
        return window.toMinutes() <= 1 ? "one minute" : window.toMinutes() + " minutes";
    }
}
