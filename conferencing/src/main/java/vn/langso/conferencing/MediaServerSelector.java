package vn.langso.conferencing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Opens rooms on the configured media server and falls back to {@link PeerToPeerMediaServer} when none is
 * configured, or when it fails or does not respond within the open timeout. After a failure the primary
 * server is skipped for the retry interval, so that new rooms do not each wait for the timeout.
 * Thread-safe.
 */
public final class MediaServerSelector {

    private static final Logger log = LoggerFactory.getLogger(MediaServerSelector.class);

    private final MediaServer primary;
    private final MediaServer fallback;
    private final Duration openTimeout;
    private final Duration retryInterval;
    private final Clock clock;
    /** When the primary server last failed, or null while it works. */
    private final AtomicReference<Instant> primaryFailedAt = new AtomicReference<>();

    /**
     * @param primary the media server, or {@code null} when none is configured
     * @param fallback the server used without a working primary, normally {@link PeerToPeerMediaServer}
     * @param openTimeout how long opening a room on the primary may take before the fallback is used
     * @param retryInterval how long the primary is skipped after it failed
     */
    public MediaServerSelector(MediaServer primary, MediaServer fallback, Duration openTimeout,
            Duration retryInterval, Clock clock) {
        this.primary = primary;
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.openTimeout = requirePositive(openTimeout, "openTimeout");
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a selector that always uses peer-to-peer, for installs without a media server. */
    public static MediaServerSelector peerToPeerOnly() {
        return new MediaServerSelector(null, new PeerToPeerMediaServer(), Duration.ofSeconds(1), Duration.ZERO,
                Clock.systemUTC());
    }

    /**
     * Opens a room on the primary server, or on the fallback when the primary is missing, failed recently,
     * fails now or times out. {@link MediaSession#server()} returns the one used.
     */
    public Mono<MediaSession> openRoom(String roomId) {
        Objects.requireNonNull(roomId, "roomId");
        return Mono.defer(() -> {
            if (primary == null || recentlyFailed()) {
                return fallback.openRoom(roomId);
            }
            return primary.openRoom(roomId)
                    .timeout(openTimeout)
                    .doOnNext(session -> primaryFailedAt.set(null))
                    .onErrorResume(error -> {
                        primaryFailedAt.set(clock.instant());
                        log.warn("Media server {} failed to open room {}; using {} for {}: {}", primary.name(), roomId,
                                fallback.name(), retryInterval, describe(error));
                        return fallback.openRoom(roomId);
                    });
        });
    }

    /** Returns whether the primary server is configured and did not fail within the retry interval. */
    public boolean isPrimaryAvailable() {
        return primary != null && !recentlyFailed();
    }

    private boolean recentlyFailed() {
        Instant failedAt = primaryFailedAt.get();
        return failedAt != null && clock.instant().isBefore(failedAt.plus(retryInterval));
    }

    private String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "no answer within " + openTimeout;
        }
        return error.toString();
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
