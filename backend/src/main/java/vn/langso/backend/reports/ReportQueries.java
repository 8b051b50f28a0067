package vn.langso.backend.reports;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.reports.ReportRecords.ReportRow;
import vn.langso.backend.reports.ReportRecords.StatsRow;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.sql.SqlStatement;

/** Searches over many reports: the inbox, the duplicate hint, statistics and the Open311 listing. */
@Repository
class ReportQueries {

    /** Filters of the inbox and the Open311 listing; null members do not filter. */
    record Filter(List<String> statuses, List<String> categories, String commune, Boolean overdue, String text,
                  Instant from, Instant to, List<Long> ids) {

        static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    private static final String FINISHED = "('resolved', 'closed', 'rejected')";

    private final DatabaseClient database;
    private final ReportAccess access;

    ReportQueries(DatabaseClient database, ReportAccess access) {
        this.database = database;
        this.access = access;
    }

    /** Finds the reports the user may see that match the filter, newest first; a null user means the public. */
    Flux<ReportRow> find(CurrentUser user, Filter filter, java.time.LocalDate today, int limit, long offset) {
        SqlStatement statement = where(user, filter, today);
        String sql = "SELECT " + ReportRepository.ROW_COLUMNS + ReportRepository.ROW_FROM + statement.whereClause()
                + " ORDER BY r.reported_at DESC, r.id DESC LIMIT :limit OFFSET :offset";
        statement.bind("limit", limit).bind("offset", offset);
        return statement.prepare(database, sql).map(ReportRepository::toRow).all();
    }

    Mono<Long> count(CurrentUser user, Filter filter, java.time.LocalDate today) {
        SqlStatement statement = where(user, filter, today);
        return statement.prepare(database, "SELECT count(*) AS matched" + ReportRepository.ROW_FROM + statement.whereClause())
                .map(row -> row.get("matched", Long.class))
                .one();
    }

    /** Finds open reports of a category within its duplicate radius and window around a point, nearest first. */
    Flux<NearbyRow> nearby(String category, double lon, double lat, int radiusMetres, int windowDays) {
        String point = "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography";
        String sql = "SELECT " + ReportRepository.ROW_COLUMNS + ", ST_Distance(r.geom::geography, " + point + ") AS distance"
                + ReportRepository.ROW_FROM
                + " WHERE r.category = :category AND r.status NOT IN " + FINISHED
                + " AND r.reported_at > now() - make_interval(days => :days)"
                + " AND ST_DWithin(r.geom::geography, " + point + ", :radius)"
                + " ORDER BY distance LIMIT 20";
        return database.sql(sql)
                .bind("category", category).bind("lon", lon).bind("lat", lat)
                .bind("days", windowDays).bind("radius", (double) radiusMetres)
                .map(row -> new NearbyRow(ReportRepository.toRow(row), row.get("distance", Double.class)))
                .all();
    }

    record NearbyRow(ReportRow row, double distanceMetres) {
    }

    /** Counts per commune or per category ({@code groupColumn} is a fixed column name, never request text). */
    Flux<StatsRow> stats(CurrentUser user, String groupColumn, java.time.LocalDate today) {
        SqlStatement statement = where(user, Filter.none(), today);
        String sql = "SELECT coalesce(" + groupColumn + ", '') AS key, count(*) AS total,"
                + " count(*) FILTER (WHERE r.status NOT IN " + FINISHED + ") AS open,"
                + " count(*) FILTER (WHERE r.status IN ('resolved', 'closed')) AS resolved,"
                + " count(*) FILTER (WHERE r.status IN ('resolved', 'closed') AND p.resolved_at IS NOT NULL"
                + "   AND (p.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= p.due_date) AS on_time"
                + ReportRepository.ROW_FROM + statement.whereClause() + " GROUP BY 1 ORDER BY 1";
        return statement.prepare(database, sql)
                .map(row -> {
                    long resolved = row.get("resolved", Long.class);
                    long onTime = row.get("on_time", Long.class);
                    return new StatsRow(row.get("key", String.class), row.get("total", Long.class),
                            row.get("open", Long.class), resolved, onTime, resolved == 0 ? null : (double) onTime / resolved);
                })
                .all();
    }

    private SqlStatement where(CurrentUser user, Filter filter, java.time.LocalDate today) {
        SqlStatement statement = new SqlStatement();
        if (user != null) {
            statement.where(access.inboxCondition(user));
            if (!user.isAnonymous() && statementUses(access.inboxCondition(user), ":userId")) {
                statement.bind("userId", user.id());
            }
            if (statementUses(access.inboxCondition(user), ":communes")) {
                statement.bind("communes", user.communeCodes().toArray(String[]::new));
            }
            if (statementUses(access.inboxCondition(user), ":agencies")) {
                statement.bind("agencies", user.agencyCodes().toArray(String[]::new));
            }
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            statement.where("r.status = ANY(:statuses)").bind("statuses", filter.statuses().toArray(String[]::new));
        }
        if (filter.categories() != null && !filter.categories().isEmpty()) {
            statement.where("r.category = ANY(:categories)").bind("categories", filter.categories().toArray(String[]::new));
        }
        if (filter.commune() != null) {
            statement.where("r.commune_code = :commune").bind("commune", filter.commune());
        }
        if (filter.overdue() != null) {
            String overdue = "(p.due_date IS NOT NULL AND p.due_date < :today AND r.status NOT IN " + FINISHED + ")";
            statement.where(filter.overdue() ? overdue : "NOT " + overdue).bind("today", today);
        }
        if (filter.text() != null) {
            statement.where("strpos(fold_vietnamese(r.description), fold_vietnamese(:text)) > 0").bind("text", filter.text());
        }
        if (filter.from() != null) {
            statement.where("r.reported_at >= :from").bind("from", filter.from());
        }
        if (filter.to() != null) {
            statement.where("r.reported_at <= :to").bind("to", filter.to());
        }
        if (filter.ids() != null) {
            statement.where("r.id = ANY(:ids)").bind("ids", filter.ids().toArray(Long[]::new));
        }
        return statement;
    }

    private static boolean statementUses(String condition, String parameter) {
        return condition.contains(parameter);
    }
}
