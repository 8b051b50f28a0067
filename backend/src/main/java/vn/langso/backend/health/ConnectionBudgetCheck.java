package vn.langso.backend.health;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.exports.ExportProperties;

/**
 * Compares, once the server is up, the connections the backend may open with what PostgreSQL allows. The pool
 * and the exports (each on a connection of its own) can together ask for more than {@code max_connections}
 * minus the reserved ones; the requests beyond it would fail with "too many clients" only under load, so the
 * mismatch is logged at start-up with the settings to change.
 */
@Component
class ConnectionBudgetCheck {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudgetCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String AVAILABLE_SQL = """
            SELECT current_setting('max_connections')::int
                   - current_setting('superuser_reserved_connections')::int AS available,
                   (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS in_use
            """;

    private final DatabaseClient database;
    private final int poolMaxSize;
    private final int exportsMaxConcurrent;

    ConnectionBudgetCheck(DatabaseClient database, ExportProperties exports,
                          @Value("${spring.r2dbc.pool.max-size:10}") int poolMaxSize) {
        this.database = database;
        this.poolMaxSize = poolMaxSize;
        this.exportsMaxConcurrent = exports.maxConcurrent();
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkOnStart() {
        check().subscribe(
                budget -> { },
                error -> log.warn("Could not compare the connection settings with PostgreSQL's max_connections: {}",
                        error.toString()));
    }

    /** Reads PostgreSQL's limit and logs how the backend's needs compare with it. */
    Mono<ConnectionBudget> check() {
        int needed = poolMaxSize + exportsMaxConcurrent;
        return database.sql(AVAILABLE_SQL)
                .map(row -> new ConnectionBudget(needed, row.get("available", Integer.class),
                        row.get("in_use", Integer.class)))
                .one()
                .timeout(TIMEOUT)
                .doOnNext(this::log);
    }

    private void log(ConnectionBudget budget) {
        if (budget.sufficient()) {
            log.info("The backend may open {} of the {} PostgreSQL connections available to ordinary users; {} are "
                    + "open now, from every client", budget.needed(), budget.available(), budget.inUse());
        } else {
            log.warn("The backend may open {} PostgreSQL connections (spring.r2dbc.pool.max-size={} plus "
                    + "langso.exports.max-concurrent={}), more than the {} that max_connections leaves to "
                    + "ordinary users; lower those settings or raise max_connections", budget.needed(), poolMaxSize,
                    exportsMaxConcurrent, budget.available());
        }
    }

    /**
     * @param needed    connections the backend may open: its pool and one per concurrent export
     * @param available {@code max_connections} minus the connections reserved for superusers
     * @param inUse     client connections open at the time, from every client of the server
     */
    record ConnectionBudget(int needed, int available, int inUse) {

        boolean sufficient() {
            return needed <= available;
        }
    }
}
