package vn.langso.backend.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.live.LiveChannel;
import vn.langso.backend.live.LiveEvent;
import vn.langso.backend.media.MediaService;
import vn.langso.backend.media.PreparedMedia;
import vn.langso.backend.media.StoredMedia;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.reports.ReportAccess.Caller;
import vn.langso.backend.reports.ReportRecords.Category;
import vn.langso.backend.reports.ReportRecords.FullView;
import vn.langso.backend.reports.ReportRecords.HistoryEntry;
import vn.langso.backend.reports.ReportRecords.MediaView;
import vn.langso.backend.reports.ReportRecords.NewReport;
import vn.langso.backend.reports.ReportRecords.PublicView;
import vn.langso.backend.reports.ReportRecords.ReportRow;
import vn.langso.backend.reports.ReportRecords.Submitted;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.RateLimiter;
import vn.langso.backend.security.RateLimits;

/**
 * The reports feature, independent of the transport: the JSON API and the Open311 adapter both call it. Reads of
 * single reports and submissions live here; the workflow steps are in {@link ReportWorkflow}.
 */
@Service
public class ReportService {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final ReportRepository reports;
    private final ReportQueries queries;
    private final ReportAccess access;
    private final MediaService media;
    private final LiveChannel live;
    private final TransactionalOperator transactions;
    private final RateLimiter rateLimiter;
    private final RateLimits rateLimits;
    private final ZoneId zone;

    ReportService(ReportRepository reports, ReportQueries queries, ReportAccess access, MediaService media,
            LiveChannel live, TransactionalOperator transactions, RateLimiter rateLimiter, RateLimits rateLimits, ReportsProperties properties) {
        this.rateLimiter = rateLimiter;
        this.rateLimits = rateLimits;
        this.reports = reports;
        this.queries = queries;
        this.access = access;
        this.media = media;
        this.live = live;
        this.transactions = transactions;
        this.zone = ZoneId.of(properties.timeZone());
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    public Flux<Category> categories() {
        return reports.categories();
    }

    /** Returns the category with this code, or fails with 400 naming the parameter. */
    public Mono<Category> category(String code, String parameter) {
        return reports.categories().filter(category -> category.code().equals(code)).next()
                .switchIfEmpty(Mono.defer(() -> reports.categories().map(Category::code).collectList()
                        .flatMap(codes -> Mono.error(vn.langso.backend.problems.InvalidParameterException.of(parameter,
                                parameter + " '" + ReportInput.shorten(code) + "' is not a report category; use one of "
                                        + String.join(", ", codes) + ".")))));
    }

    /**
     * Creates a report with its files: validates it, finds its commune and agency, computes its due date, stores
     * its files and publishes {@code reports.created}. Either all of it is written or nothing is.
     */
    Mono<Submitted> submit(Caller caller, NewReport input, List<PreparedMedia> files) {
        return submit(caller, input, Map.of(), files);
    }

    /**
     * Creates a report for an adapter of another protocol (Open311), with public properties such as Open311
     * attributes; anonymous callers are rate limited per client address. Returns the report's id.
     */
    public Mono<Long> submitAs(CurrentUser user, String clientAddress, NewReport input, Map<String, Object> properties,
            List<PreparedMedia> files) {
        return limitAnonymous(user, clientAddress)
                .then(submit(new Caller(user, null), input, properties, files))
                .map(submitted -> submitted.report().id());
    }

    /** Counts a submission without a token against the shared per-client limit; 429 when it is used up. */
    Mono<Void> limitAnonymous(CurrentUser user, String clientAddress) {
        return user.isAnonymous() ? rateLimiter.check(rateLimits.anonymousSubmissions(), clientAddress) : Mono.empty();
    }

    /** Finds the report created by an Open311 submission that was given this token. */
    public Mono<Long> idForOpen311Token(String token) {
        return reports.idForOpen311Token(token);
    }

    private Mono<Submitted> submit(Caller caller, NewReport input, Map<String, Object> properties, List<PreparedMedia> files) {
        ReportInput.Valid valid = ReportInput.validate(input, files);
        return category(valid.category(), "category")
                .zipWith(locate(valid))
                .flatMap(categoryAndCommune -> {
                    Category category = categoryAndCommune.getT1();
                    String commune = categoryAndCommune.getT2();
                    LocalDate filed = today();
                    String followToken = newToken();
                    List<StoredMedia> written = new ArrayList<>();
                    Mono<Long> create = Mono.zip(
                                    reports.agencyFor(category.code(), commune).map(Optional::of).defaultIfEmpty(Optional.empty()),
                                    reports.holidays(filed, filed.plusDays(category.deadlineWorkingDays() * 3L + 60)))
                            .flatMap(agencyAndHolidays -> {
                                LocalDate due = WorkingDays.add(filed, category.deadlineWorkingDays(), agencyAndHolidays.getT2());
                                return reports.insertPublic(valid.title(), category.code(), valid.description(),
                                                valid.lon(), valid.lat(), valid.address(), JSON.writeValueAsString(properties))
                                        .flatMap(id -> reports.insertPrivate(id, caller.user().id(), valid.reporterName(),
                                                        valid.reporterPhone(), hash(followToken), input.open311Token(),
                                                        agencyAndHolidays.getT1().orElse(null), due, valid.locationFromPhoto())
                                                .then(reports.insertEvent(id, caller.user().id(), "citizen",
                                                        caller.user().displayName(), null, ReportStatus.RECEIVED.code(), null))
                                                .then(media.store(id, files, written))
                                                .thenReturn(id));
                            })
                            .as(transactions::transactional);
                    return create
                            .onErrorResume(error -> media.discard(written).then(Mono.error(error)))
                            .flatMap(id -> {
                                Caller reporter = new Caller(caller.user(), hash(followToken));
                                return fullView(reporter, id).doOnNext(view -> publish("created", view));
                            })
                            .map(view -> new Submitted(view, followToken));
                });
    }

    /** Returns the commune of the report's point, or fails with 400 when it lies outside the province. */
    private Mono<String> locate(ReportInput.Valid valid) {
        return reports.communeAt(valid.lon(), valid.lat())
                .switchIfEmpty(Mono.defer(() -> reports.communeAt(valid.lat(), valid.lon())
                        .flatMap(swapped -> Mono.<String>error(ReportInput.swapped(valid)))
                        .switchIfEmpty(Mono.error(() -> ReportInput.outsideProvince(valid)))));
    }

    /** Reads the full view of a report the caller may see; 404 when it does not exist, 401/403 when not allowed. */
    Mono<FullView> get(Caller caller, long id) {
        return row(id).flatMap(row -> {
            if (!access.canReadFull(caller, row)) {
                return Mono.error(access.denied(caller, id));
            }
            return fullView(caller, row);
        });
    }

    /** Returns the public view of a report. */
    public Mono<PublicView> getPublic(long id) {
        return row(id).flatMap(row -> mediaOf(List.of(id)).map(mediaByReport -> publicView(row, mediaByReport.getOrDefault(id, List.of()))));
    }

    Mono<ReportRow> row(long id) {
        return reports.find(id).switchIfEmpty(Mono.error(() -> new NotFoundException("No report has id " + id + ".")));
    }

    Mono<FullView> fullView(Caller caller, long id) {
        return reports.find(id).flatMap(row -> fullView(caller, row));
    }

    private Mono<FullView> fullView(Caller caller, ReportRow row) {
        return Mono.zip(reports.history(row.id()).collectList(), mediaOf(List.of(row.id())))
                .map(parts -> toFullView(caller, row, parts.getT2().getOrDefault(row.id(), List.of()), parts.getT1()));
    }

    FullView toFullView(Caller caller, ReportRow row, List<MediaView> mediaViews, List<HistoryEntry> history) {
        boolean reporter = access.isReporter(caller, row);
        boolean handler = access.isHandler(caller.user(), row);
        Set<String> moves = new TreeSet<>();
        if (handler) {
            row.statusValue().handlerMoves().forEach(status -> moves.add(status.code()));
        }
        if (reporter) {
            row.statusValue().reporterMoves().forEach(status -> moves.add(status.code()));
        }
        return new FullView(row.id(), row.category(), row.description(), row.status(), row.communeCode(),
                row.address(), row.lon(), row.lat(), row.reportedAt(), row.updatedAt(), mediaViews, row.version(),
                row.agencyCode(), row.dueDate(), row.isOverdue(today()), row.escalatedAt() != null, row.assigneeName(),
                row.rejectionReason(), row.rating(), row.ratingComment(), row.reporterName(), row.reporterPhone(),
                reporter, moves, history);
    }

    PublicView publicView(ReportRow row, List<MediaView> mediaViews) {
        return new PublicView(row.id(), row.category(), row.description(), row.status(), row.communeCode(),
                row.address(), row.lon(), row.lat(), row.reportedAt(), row.updatedAt(), mediaViews,
                row.externalMediaUrl());
    }

    /** Returns the media of reports as API views, grouped by report id. */
    Mono<Map<Long, List<MediaView>>> mediaOf(List<Long> ids) {
        return media.list(ids)
                .collect(Collectors.groupingBy(StoredMedia::reportId, Collectors.mapping(ReportService::mediaView, Collectors.toList())));
    }

    private static MediaView mediaView(StoredMedia stored) {
        String url = "/api/v1/reports/" + stored.reportId() + "/media/" + stored.id();
        return new MediaView(stored.id().toString(), stored.kind(), stored.contentType(), stored.sizeBytes(), url,
                stored.thumbnailKey() == null ? null : url + "/thumbnail");
    }

    /** Publishes a change on the live channel with public fields only. */
    void publish(String type, FullView view) {
        live.publish(LiveEvent.now("reports", type, Map.of("id", view.id(), "category", view.category(),
                "status", view.status(), "communeCode", view.communeCode() == null ? "" : view.communeCode(),
                "lon", view.lon(), "lat", view.lat())));
    }

    void publish(String type, ReportRow row) {
        live.publish(LiveEvent.now("reports", type, Map.of("id", row.id(), "category", row.category(),
                "status", row.status(), "communeCode", row.communeCode() == null ? "" : row.communeCode(),
                "lon", row.lon(), "lat", row.lat())));
    }

    /** Returns the SHA-256 of a follow token as hex; only hashes are stored. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    static String newToken() {
        return vn.langso.backend.media.RandomIds.token();
    }
}
