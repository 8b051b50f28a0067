package vn.langso.backend.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits anonymous submissions per client address over a sliding hour, in this process only.
 *
 * <p>TODO: use the shared rate limiter of the accounts feature once it exists; this one loses its counts on a
 * restart and is not shared between backend instances.
 */
@Component
class SubmissionLimiter {

    static final Duration WINDOW = Duration.ofHours(1);
    /** Clients tracked at most; past it, the oldest windows are dropped so that memory stays bounded. */
    static final int MAX_CLIENTS = 100_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int perHour;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    SubmissionLimiter(ReportsProperties properties) {
        this(properties.anonymousPerHour(), Clock.systemUTC());
    }

    SubmissionLimiter(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts a submission of the client, or throws 429 with the time to wait when it has used its allowance. */
    void acquire(String client) {
        Instant now = clock.instant();
        if (recent.size() > MAX_CLIENTS) {
            recent.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(now.minus(WINDOW));
                }
            });
        }
        Deque<Instant> times = recent.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
                throw ReportProblem.tooManyRequests("This client has sent " + perHour + " reports without signing in "
                        + "within the last hour. Sign in, or wait " + Math.max(1, wait.toMinutes()) + " minutes.", wait);
            }
            times.addLast(now);
        }
    }
}
