package vn.langso.backend.reports;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Escalates overdue reports to the province level at a fixed interval: each gets {@code escalated}, a history entry
 * and a live {@code reports.updated} event. Province administrators see every report, so escalation marks the
 * report for them rather than moving it.
 */
@Component
class EscalationTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationTask.class);

    private final ReportRepository reports;
    private final ReportService service;
    private final Duration interval;
    private volatile Disposable running;

    EscalationTask(ReportRepository reports, ReportService service, ReportsProperties properties) {
        this.reports = reports;
        this.service = service;
        this.interval = properties.escalationInterval();
    }

    /** Escalates every overdue report not escalated yet and returns how many there were. */
    Mono<Long> escalateNow() {
        return reports.escalateOverdue(service.today())
                .concatMap(id -> reports.find(id)
                        .flatMap(row -> reports.insertEvent(id, null, "system", "", row.status(), row.status(),
                                        "Overdue since " + row.dueDate() + "; escalated to the province.")
                                .doOnSuccess(done -> service.publish("updated", row))
                                .thenReturn(id)))
                .count();
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> escalateNow()
                        .doOnNext(count -> {
                            if (count > 0) {
                                log.info("Escalated {} overdue reports to the province", count);
                            }
                        })
                        .onErrorResume(error -> {
                            log.warn("Escalation of overdue reports failed; retrying in {}: {}", interval, error.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
