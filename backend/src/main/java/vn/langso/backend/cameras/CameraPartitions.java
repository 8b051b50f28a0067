package vn.langso.backend.cameras;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Daily partitions of {@code camera_detection} and {@code camera_count}: created ahead of time for the next days,
 * and on demand for the days of an incoming batch. Each runs in its own short transaction before the batch's
 * transaction, so the ingest never holds the parent table's lock while it inserts.
 */
@Component
class CameraPartitions {

    private static final Logger log = LoggerFactory.getLogger(CameraPartitions.class);

    private final IngestRepository repository;
    private final int daysAhead;
    private final Clock clock;
    /**
     * Days whose partitions this instance has seen exist. NOTE: nothing drops old partitions yet. A partition
     * dropped by hand while the backend runs stays in this set, so inserts for its day fail until a restart.
     */
    private final Set<LocalDate> knownDays = ConcurrentHashMap.newKeySet();

    CameraPartitions(IngestRepository repository, CameraProperties properties) {
        this.repository = repository;
        this.daysAhead = properties.partitionDaysAhead();
        this.clock = Clock.systemUTC();
    }

    /** Ensures the partitions of each day exist. */
    Mono<Void> ensure(Collection<LocalDate> days) {
        return Flux.fromIterable(days)
                .filter(day -> !knownDays.contains(day))
                .concatMap(day -> repository.ensurePartitions(day).doOnNext(created -> {
                    knownDays.add(day);
                    if (created > 0) {
                        log.info("Created {} camera partition(s) for {}", created, day);
                    }
                }))
                .then();
    }

    /** Ensures the partitions of today and the configured number of days ahead (UTC). */
    Mono<Void> ensureAhead() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return ensure(today.datesUntil(today.plusDays(daysAhead + 1L)).toList());
    }
}
