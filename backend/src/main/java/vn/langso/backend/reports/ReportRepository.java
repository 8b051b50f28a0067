package vn.langso.backend.reports;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.reports.ReportRecords.Category;
import vn.langso.backend.reports.ReportRecords.HistoryEntry;
import vn.langso.backend.reports.ReportRecords.MessageView;
import vn.langso.backend.reports.ReportRecords.ReportRow;

/** Reads and writes reports: the public {@code report} row and its private side in the V4 tables. */
@Repository
class ReportRepository {

    static final String ROW_COLUMNS = """
            r.id, r.category, r.description, r.status, r.commune_code, r.address,
            ST_X(r.geom) AS lon, ST_Y(r.geom) AS lat, r.reported_at, r.updated_at,
            coalesce(p.version, 1) AS version, p.reporter_account_id, p.reporter_name, p.reporter_phone,
            p.follow_token_hash, p.agency_code, p.assignee_name, p.due_date, p.resolved_at, p.escalated_at,
            p.rejection_reason, p.rating::integer AS rating, p.rating_comment,
            r.properties ->> 'media_url' AS external_media_url""";
    static final String ROW_FROM = " FROM report r LEFT JOIN report_private p ON p.report_id = r.id";

    private final DatabaseClient database;

    ReportRepository(DatabaseClient database) {
        this.database = database;
    }

    Flux<Category> categories() {
        return database.sql("""
                        SELECT code, name_vi, name_en, description_vi, description_en, deadline_working_days,
                               duplicate_radius_m, duplicate_window_days
                          FROM report_category ORDER BY sort_order, code""")
                .map(row -> new Category(row.get("code", String.class), row.get("name_vi", String.class),
                        row.get("name_en", String.class), row.get("description_vi", String.class),
                        row.get("description_en", String.class), row.get("deadline_working_days", Integer.class),
                        row.get("duplicate_radius_m", Integer.class), row.get("duplicate_window_days", Integer.class)))
                .all();
    }

    Mono<ReportRow> find(long id) {
        return database.sql("SELECT " + ROW_COLUMNS + ROW_FROM + " WHERE r.id = :id")
                .bind("id", id)
                .map(ReportRepository::toRow)
                .one();
    }

    /** Returns the current commune at a point, or empty outside the province. */
    Mono<String> communeAt(double lon, double lat) {
        return database.sql("SELECT current_commune_at(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)) AS code")
                .bind("lon", lon).bind("lat", lat)
                .map(row -> java.util.Optional.ofNullable(row.get("code", String.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /** Returns the agency that handles a category in a commune: a commune's own route wins over the default. */
    Mono<String> agencyFor(String category, String communeCode) {
        return database.sql("""
                        SELECT agency_code FROM report_route
                         WHERE category = :category AND (commune_code = :commune OR commune_code IS NULL)
                         ORDER BY commune_code NULLS LAST LIMIT 1""")
                .bind("category", category).bind("commune", communeCode)
                .map(row -> row.get("agency_code", String.class))
                .one();
    }

    /** Returns the holidays in a period, for due dates. */
    Mono<java.util.Set<LocalDate>> holidays(LocalDate from, LocalDate to) {
        return database.sql("SELECT day FROM report_holiday WHERE day BETWEEN :from AND :to")
                .bind("from", from).bind("to", to)
                .map(row -> row.get("day", LocalDate.class))
                .all()
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Inserts the public row and returns its id. */
    Mono<Long> insertPublic(String title, String category, String description, double lon, double lat, String address,
            String propertiesJson) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO report (name, geom, address, category, description, status, source, properties)
                        VALUES (:name, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :address, :category, :description,
                                'received', 'api', CAST(:properties AS jsonb))
                        RETURNING id""")
                .bind("name", title).bind("lon", lon).bind("lat", lat)
                .bind("category", category).bind("description", description).bind("properties", propertiesJson);
        spec = address == null ? spec.bindNull("address", String.class) : spec.bind("address", address);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> insertPrivate(long id, String accountId, String name, String phone, String followTokenHash,
            String open311Token, String agencyCode, LocalDate dueDate, boolean locationFromPhoto) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO report_private (report_id, reporter_account_id, reporter_name, reporter_phone,
                                                    follow_token_hash, open311_token, agency_code, due_date,
                                                    location_from_photo)
                        VALUES (:id, :account, :name, :phone, :token, :open311, :agency, :due, :fromPhoto)""")
                .bind("id", id).bind("token", followTokenHash).bind("due", dueDate).bind("fromPhoto", locationFromPhoto);
        spec = nullable(spec, "account", accountId);
        spec = nullable(spec, "name", name);
        spec = nullable(spec, "phone", phone);
        spec = nullable(spec, "open311", open311Token);
        spec = nullable(spec, "agency", agencyCode);
        return spec.then();
    }

    /**
     * Creates the private row of a report that has none (reports imported into the public layer), so that it can
     * be worked like any other.
     */
    Mono<Void> ensurePrivate(long id) {
        return database.sql("""
                        INSERT INTO report_private (report_id, follow_token_hash, due_date)
                        SELECT r.id, '', (r.reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM report r WHERE r.id = :id
                        ON CONFLICT (report_id) DO NOTHING""")
                .bind("id", id).then();
    }

    /**
     * Moves a report to a status when its version is still {@code expectedVersion}; returns the number of rows
     * changed (0 when another update came first). The row lock taken by the first UPDATE makes a concurrent one
     * wait and then find the version changed.
     */
    Mono<Long> updateStatus(long id, int expectedVersion, String status, String assigneeName, String rejectionReason,
            boolean resolved, boolean reopened) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        UPDATE report_private
                           SET version = version + 1,
                               assignee_name = coalesce(:assignee, assignee_name),
                               rejection_reason = CASE WHEN :status = 'rejected' THEN :reason ELSE NULL END,
                               resolved_at = CASE WHEN :resolved THEN now() WHEN :reopened THEN NULL ELSE resolved_at END
                         WHERE report_id = :id AND version = :version""")
                .bind("id", id).bind("version", expectedVersion).bind("status", status)
                .bind("resolved", resolved).bind("reopened", reopened);
        spec = nullable(spec, "assignee", assigneeName);
        spec = nullable(spec, "reason", rejectionReason);
        return spec.fetch().rowsUpdated()
                .flatMap(count -> count == 0 ? Mono.just(0L)
                        : database.sql("UPDATE report SET status = :status WHERE id = :id")
                                .bind("status", status).bind("id", id).fetch().rowsUpdated().thenReturn(count));
    }

    Mono<Long> rate(long id, int stars, String comment) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        UPDATE report_private SET rating = :stars, rating_comment = :comment, version = version + 1
                         WHERE report_id = :id""")
                .bind("id", id).bind("stars", (short) stars);
        return nullable(spec, "comment", comment).fetch().rowsUpdated();
    }

    Mono<Void> insertEvent(long id, String actorId, String actorKind, String actorName, String fromStatus,
            String toStatus, String note) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO report_event (report_id, actor_id, actor_kind, actor_name, from_status, to_status, note)
                        VALUES (:id, :actor, :kind, :name, :from, :to, :note)""")
                .bind("id", id).bind("kind", actorKind).bind("name", actorName == null ? "" : actorName).bind("to", toStatus);
        spec = nullable(spec, "actor", actorId);
        spec = nullable(spec, "from", fromStatus);
        spec = nullable(spec, "note", note);
        return spec.then();
    }

    Flux<HistoryEntry> history(long id) {
        return database.sql("""
                        SELECT at, from_status, to_status, actor_kind, actor_name, note
                          FROM report_event WHERE report_id = :id ORDER BY id""")
                .bind("id", id)
                .map(row -> new HistoryEntry(row.get("at", Instant.class), row.get("from_status", String.class),
                        row.get("to_status", String.class), row.get("actor_kind", String.class),
                        row.get("actor_name", String.class), row.get("note", String.class)))
                .all();
    }

    Mono<MessageView> insertMessage(long id, String authorId, String authorKind, String authorName, String body) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        INSERT INTO report_message (report_id, author_id, author_kind, author_name, body)
                        VALUES (:id, :author, :kind, :name, :body)
                        RETURNING id, at, author_kind, author_name, body""")
                .bind("id", id).bind("kind", authorKind).bind("name", authorName == null ? "" : authorName)
                .bind("body", body);
        return nullable(spec, "author", authorId).map(ReportRepository::toMessage).one();
    }

    Flux<MessageView> messages(long id) {
        return database.sql("""
                        SELECT id, at, author_kind, author_name, body FROM report_message
                         WHERE report_id = :id ORDER BY id""")
                .bind("id", id)
                .map(ReportRepository::toMessage)
                .all();
    }

    /** Finds a report by the token an Open311 client was given at submission. */
    Mono<Long> idForOpen311Token(String token) {
        return database.sql("SELECT report_id FROM report_private WHERE open311_token = :token")
                .bind("token", token)
                .map(row -> row.get("report_id", Long.class))
                .one();
    }

    /** Escalates the overdue reports not escalated yet and returns their ids. */
    Flux<Long> escalateOverdue(LocalDate today) {
        return database.sql("""
                        UPDATE report_private p SET escalated_at = now(), version = p.version + 1
                          FROM report r
                         WHERE r.id = p.report_id AND p.escalated_at IS NULL AND p.due_date < :today
                           AND r.status NOT IN ('resolved', 'closed', 'rejected')
                        RETURNING p.report_id""")
                .bind("today", today)
                .map(row -> row.get("report_id", Long.class))
                .all();
    }

    static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    static ReportRow toRow(io.r2dbc.spi.Readable row) {
        return new ReportRow(
                row.get("id", Long.class), row.get("category", String.class), row.get("description", String.class),
                row.get("status", String.class), row.get("commune_code", String.class), row.get("address", String.class),
                row.get("lon", Double.class), row.get("lat", Double.class), row.get("reported_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("version", Integer.class),
                row.get("reporter_account_id", String.class), row.get("reporter_name", String.class),
                row.get("reporter_phone", String.class), row.get("follow_token_hash", String.class),
                row.get("agency_code", String.class), row.get("assignee_name", String.class),
                row.get("due_date", LocalDate.class), row.get("resolved_at", Instant.class),
                row.get("escalated_at", Instant.class), row.get("rejection_reason", String.class),
                row.get("rating", Integer.class), row.get("rating_comment", String.class),
                row.get("external_media_url", String.class));
    }

    private static MessageView toMessage(io.r2dbc.spi.Readable row) {
        return new MessageView(row.get("id", Long.class), row.get("at", Instant.class),
                row.get("author_kind", String.class), row.get("author_name", String.class), row.get("body", String.class));
    }
}
