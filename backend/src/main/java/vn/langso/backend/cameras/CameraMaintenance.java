package vn.langso.backend.cameras;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Periodic work of the cameras feature while the application runs: marks cameras offline when their heartbeats stop
 * ({@code langso.cameras.offline-after}, checked every {@code langso.cameras.heartbeat-check-interval}), and creates
 * the partitions of the coming days every hour. A failed run is logged and the next one runs as planned.
 */
@Component
class CameraMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CameraMaintenance.class);
    static final Duration PARTITION_INTERVAL = Duration.ofHours(1);

    private final CameraStreamRepository streams;
    private final CameraPartitions partitions;
    private final CameraLiveEvents live;
    private final CameraProperties properties;
    static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private volatile Disposable.Composite running;
    private volatile Instant lastFailureLogged;
    private final AtomicLong suppressedFailures = new AtomicLong();

    CameraMaintenance(CameraStreamRepository streams, CameraPartitions partitions, CameraLiveEvents live,
            CameraProperties properties) {
        this.streams = streams;
        this.partitions = partitions;
        this.live = live;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        Disposable.Composite tasks = Disposables.composite();
        tasks.add(Flux.interval(Duration.ZERO, PARTITION_INTERVAL)
                .concatMap(tick -> partitions.ensureAhead()
                        .onErrorResume(error -> {
                            log.error("Creating the camera partitions of the coming days failed; retrying in {}",
                                    PARTITION_INTERVAL, error);
                            return Mono.empty();
                        }))
                .subscribe());
        tasks.add(Flux.interval(properties.heartbeatCheckInterval())
                .onBackpressureDrop()
                .concatMap(tick -> checkHeartbeats())
                .subscribe());
        running = tasks;
        log.info("Camera heartbeat check every {}, offline after {} without a heartbeat",
                properties.heartbeatCheckInterval(), properties.offlineAfter());
    }

    /** Marks cameras without a recent heartbeat offline and publishes their status; returns when done. */
    Mono<Void> checkHeartbeats() {
        return streams.markMissedOffline(properties.offlineAfter())
                .doOnNext(missed -> {
                    log.warn("Camera {} missed its heartbeats since {}; marked offline", missed.camera().key(),
                            missed.lastSeenAt());
                    live.missed(missed.camera(), missed.lastSeenAt());
                })
                .then()
                .onErrorResume(error -> {
                    logFailure(error);
                    return Mono.empty();
                });
    }

    /** Logs a failed check with its stack trace at most once per {@link #FAILURE_LOG_INTERVAL}, counting the rest. */
    private void logFailure(Throwable error) {
        Instant now = Instant.now();
        Instant last = lastFailureLogged;
        if (last == null || Duration.between(last, now).compareTo(FAILURE_LOG_INTERVAL) >= 0) {
            lastFailureLogged = now;
            log.error("The camera heartbeat check failed ({} more failures not logged since the last report); "
                    + "it runs again every {}", suppressedFailures.getAndSet(0), properties.heartbeatCheckInterval(), error);
        } else {
            suppressedFailures.incrementAndGet();
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
