package vn.langso.backend.audit;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log that every feature writes to: sign-ins and their failures, role changes and reads of
 * personal data. {@link #record} completes once the row is stored, so a caller that must not act unaudited chains
 * its work after it.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.-]{1,63}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;

    AuditLog(DatabaseClient database) {
        this.database = database;
    }

    /** Stores the entry; fails when the action name is invalid or the database rejects the row. */
    public Mono<Void> record(AuditEntry entry) {
        if (!ACTION.matcher(entry.action()).matches()) {
            return Mono.error(new IllegalArgumentException("Invalid audit action '" + entry.action()
                    + "': use lower case letters, digits, dots, hyphens or underscores, for example auth.sign-in"));
        }
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO audit_log (actor_id, actor_name, action, outcome, target, client_address, details)
                        VALUES (:actorId, :actorName, :action, :outcome, :target, :clientAddress, CAST(:details AS jsonb))
                        """)
                .bind("actorName", entry.actorName())
                .bind("action", entry.action())
                .bind("outcome", entry.outcome().column())
                .bind("target", entry.target())
                .bind("clientAddress", entry.clientAddress())
                .bind("details", JSON.writeValueAsString(entry.details()));
        insert = entry.actorId() == null ? insert.bindNull("actorId", String.class) : insert.bind("actorId", entry.actorId());
        return insert.then()
                .doOnError(error -> log.error("Failed to write audit entry {} {} for actor {}", entry.action(),
                        entry.outcome(), entry.actorId(), error));
    }
}
