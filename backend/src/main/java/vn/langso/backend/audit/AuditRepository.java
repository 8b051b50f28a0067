package vn.langso.backend.audit;

import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.sql.SqlStatement;

/** Searches the audit log, newest first. */
@Repository
class AuditRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;

    AuditRepository(DatabaseClient database) {
        this.database = database;
    }

    Flux<AuditRecord> search(AuditQuery query) {
        SqlStatement statement = conditions(query);
        String sql = "SELECT id, occurred_at, actor_id, actor_name, action, outcome, target, client_address, "
                + "details::text AS details FROM audit_log" + statement.whereClause()
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset";
        statement.bind("limit", query.page().limit()).bind("offset", query.page().offset());
        return statement.prepare(database, sql)
                .map(row -> new AuditRecord(row.get("id", Long.class), row.get("occurred_at", OffsetDateTime.class),
                        row.get("actor_id", String.class), row.get("actor_name", String.class),
                        row.get("action", String.class), row.get("outcome", String.class),
                        row.get("target", String.class), row.get("client_address", String.class),
                        JSON.readTree(row.get("details", String.class))))
                .all();
    }

    Mono<Long> count(AuditQuery query) {
        SqlStatement statement = conditions(query);
        return statement.prepare(database, "SELECT count(*) AS matched FROM audit_log" + statement.whereClause())
                .map(row -> row.get("matched", Long.class))
                .one();
    }

    private static SqlStatement conditions(AuditQuery query) {
        SqlStatement statement = new SqlStatement();
        if (query.actor() != null) {
            statement.where("(actor_id = :actorId OR actor_name = :actorName)")
                    .bind("actorId", query.actor())
                    .bind("actorName", query.actor());
        }
        if (query.action() != null) {
            if (query.action().endsWith(".")) {
                statement.where("starts_with(action, :action)").bind("action", query.action());
            } else {
                statement.where("action = :action").bind("action", query.action());
            }
        }
        if (query.outcome() != null) {
            statement.where("outcome = :outcome").bind("outcome", query.outcome());
        }
        if (query.target() != null) {
            statement.where("target = :target").bind("target", query.target());
        }
        if (query.from() != null) {
            statement.where("occurred_at >= :from").bind("from", query.from());
        }
        if (query.to() != null) {
            statement.where("occurred_at < :to").bind("to", query.to());
        }
        return statement;
    }
}
