package vn.langso.backend.reports;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.reports.ReportAccess.Caller;
import vn.langso.backend.reports.ReportQueries.Filter;
import vn.langso.backend.reports.ReportRecords.Category;
import vn.langso.backend.reports.ReportRecords.MediaView;
import vn.langso.backend.reports.ReportRecords.NearbyReport;
import vn.langso.backend.reports.ReportRecords.PublicView;
import vn.langso.backend.reports.ReportRecords.ReportList;
import vn.langso.backend.reports.ReportRecords.ReportRow;
import vn.langso.backend.reports.ReportRecords.Stats;
import vn.langso.backend.security.CurrentUser;

/** Searches over reports: the inbox, the duplicate hint, statistics and the public listing for Open311. */
@Service
public class ReportSearch {

    private final ReportService service;
    private final ReportQueries queries;
    private final ReportAccess access;

    ReportSearch(ReportService service, ReportQueries queries, ReportAccess access) {
        this.service = service;
        this.queries = queries;
        this.access = access;
    }

    /** Lists the reports the caller may work or follow; 401 anonymous, 403 for roles without an inbox. */
    Mono<ReportList> inbox(Caller caller, Filter filter, int limit, long offset) {
        CurrentUser user = caller.user();
        Mono<Void> allowed = checkInbox(user);
        return allowed.then(Mono.zip(queries.count(user, filter, service.today()),
                        queries.find(user, filter, service.today(), limit, offset).collectList()))
                .flatMap(result -> service.mediaOf(ids(result.getT2())).map(media -> new ReportList(result.getT1(),
                        result.getT2().stream()
                                .map(row -> service.toFullView(caller, row, media.getOrDefault(row.id(), List.of()), List.of()))
                                .toList())));
    }

    Mono<Stats> stats(Caller caller) {
        CurrentUser user = caller.user();
        return checkInbox(user).then(Mono.zip(
                        queries.stats(user, "r.commune_code", service.today()).collectList(),
                        queries.stats(user, "r.category", service.today()).collectList()))
                .map(result -> new Stats(result.getT1(), result.getT2()));
    }

    private Mono<Void> checkInbox(CurrentUser user) {
        if (user.isAnonymous()) {
            return Mono.error(ReportProblem.unauthorized("The report inbox needs a signed-in user. Sign in; anyone may "
                    + "read public views at /api/v1/reports/{id}/public and the reports layer."));
        }
        if (!access.canListInbox(user)) {
            return Mono.error(ReportProblem.forbidden("Your roles have no report inbox; read the public reports layer "
                    + "at /api/v1/layers/reports/features instead."));
        }
        return Mono.empty();
    }

    /** Finds open reports of the category near a point within its duplicate radius and time window. */
    Mono<Map<String, Object>> nearby(String categoryCode, double lon, double lat) {
        return service.category(categoryCode, "category").flatMap(category -> queries
                .nearby(category.code(), lon, lat, category.duplicateRadiusMetres(), category.duplicateWindowDays())
                .collectList()
                .flatMap(rows -> service.mediaOf(rows.stream().map(row -> row.row().id()).toList())
                        .map(media -> result(category, rows.stream()
                                .map(row -> new NearbyReport(service.publicView(row.row(),
                                        media.getOrDefault(row.row().id(), List.of())), row.distanceMetres()))
                                .toList()))));
    }

    private static Map<String, Object> result(Category category, List<NearbyReport> reports) {
        return Map.of("radiusMetres", category.duplicateRadiusMetres(), "windowDays", category.duplicateWindowDays(),
                "reports", reports.stream().map(ReportSearch::flatten).toList());
    }

    private static Map<String, Object> flatten(NearbyReport nearby) {
        PublicView view = nearby.report();
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("id", view.id());
        map.put("category", view.category());
        map.put("description", view.description());
        map.put("status", view.status());
        map.put("communeCode", view.communeCode());
        map.put("address", view.address());
        map.put("lon", view.lon());
        map.put("lat", view.lat());
        map.put("reportedAt", view.reportedAt());
        map.put("updatedAt", view.updatedAt());
        map.put("media", view.media());
        map.put("distanceMetres", Math.round(nearby.distanceMetres() * 10) / 10.0);
        return map;
    }

    /**
     * Lists public views for Open311, newest first, at most {@code limit}; null arguments do not filter.
     */
    public Flux<PublicView> publicReports(List<Long> ids, List<String> categories, List<String> statuses,
            java.time.Instant from, java.time.Instant to, int limit) {
        return publicReports(new Filter(statuses, categories, null, null, null, from, to, ids), limit);
    }

    Flux<PublicView> publicReports(Filter filter, int limit) {
        return queries.find(null, filter, service.today(), limit, 0).collectList()
                .flatMapMany(rows -> service.mediaOf(ids(rows)).flatMapIterable(media -> rows.stream()
                        .map(row -> service.publicView(row, media.getOrDefault(row.id(), List.<MediaView>of())))
                        .toList()));
    }

    private static List<Long> ids(List<ReportRow> rows) {
        return rows.stream().map(ReportRow::id).toList();
    }
}
