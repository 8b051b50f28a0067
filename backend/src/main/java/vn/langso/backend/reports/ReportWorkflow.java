package vn.langso.backend.reports;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.reports.ReportAccess.Caller;
import vn.langso.backend.reports.ReportRecords.FullView;
import vn.langso.backend.reports.ReportRecords.MessageRequest;
import vn.langso.backend.reports.ReportRecords.MessageView;
import vn.langso.backend.reports.ReportRecords.RatingRequest;
import vn.langso.backend.reports.ReportRecords.TransitionRequest;

/** Workflow steps on one report: status moves with optimistic locking, messages and the reporter's rating. */
@Service
class ReportWorkflow {

    static final int MAX_MESSAGE = 4000;
    static final int MAX_NOTE = 2000;

    private final ReportService service;
    private final ReportRepository reports;
    private final ReportAccess access;
    private final TransactionalOperator transactions;

    ReportWorkflow(ReportService service, ReportRepository reports, ReportAccess access, TransactionalOperator transactions) {
        this.service = service;
        this.reports = reports;
        this.access = access;
        this.transactions = transactions;
    }

    /**
     * Moves a report to another status if the caller may and the version is current; otherwise 409 and nothing
     * changes. Publishes {@code reports.updated}.
     */
    Mono<FullView> transition(Caller caller, long id, TransitionCheck request) {
        return service.row(id).flatMap(row -> {
            boolean handler = access.isHandler(caller.user(), row);
            boolean reporter = access.isReporter(caller, row);
            if (!handler && !reporter) {
                return Mono.error(access.denied(caller, id));
            }
            ReportStatus from = row.statusValue();
            Set<ReportStatus> allowed = EnumSet.noneOf(ReportStatus.class);
            if (handler) {
                allowed.addAll(from.handlerMoves());
            }
            if (reporter) {
                allowed.addAll(from.reporterMoves());
            }
            if (!allowed.contains(request.status())) {
                return Mono.error(ReportProblem.conflict("Report " + id + " is " + from.code() + "; you may move it to "
                        + (allowed.isEmpty() ? "no other status" : allowed.stream().map(ReportStatus::code).sorted()
                        .collect(Collectors.joining(", "))) + ", not " + request.status().code() + "."));
            }
            ReportStatus to = request.status();
            String actorKind = handler ? "handler" : "citizen";
            String assignee = to == ReportStatus.ASSIGNED ? caller.user().displayName() : null;
            Mono<Long> update = reports.ensurePrivate(id)
                    .then(reports.updateStatus(id, request.version(), to.code(), assignee, request.reason(),
                            to == ReportStatus.RESOLVED, to == ReportStatus.REOPENED))
                    .flatMap(changed -> changed == 0 ? Mono.error(stale(id, request.version())) : Mono.just(changed))
                    .flatMap(changed -> reports.insertEvent(id, caller.user().id(), actorKind, caller.user().displayName(),
                            from.code(), to.code(), to == ReportStatus.REJECTED ? request.reason() : request.note())
                            .thenReturn(changed))
                    .as(transactions::transactional);
            return update.then(service.fullView(caller, id)).doOnNext(view -> service.publish("updated", view));
        });
    }

    private ReportProblem stale(long id, int version) {
        return ReportProblem.conflict("Report " + id + " was changed by someone else after version " + version
                + "; nothing was changed. Read the report again, check its new state and retry with its current version.");
    }

    /** Checks a transition body: a known status, a version, and a reason for a rejection. */
    record TransitionCheck(ReportStatus status, int version, String note, String reason) {

        static TransitionCheck of(TransitionRequest body) {
            if (body == null || body.status() == null) {
                throw InvalidParameterException.of("status", "status is missing; give the new status, for example "
                        + "{\"status\": \"assigned\", \"version\": 1}.");
            }
            ReportStatus status = ReportStatus.parse(body.status().strip()).orElseThrow(() -> InvalidParameterException.of(
                    "status", "status '" + ReportInput.shorten(body.status()) + "' is not a report status; use one of "
                            + List.of(ReportStatus.values()).stream().map(ReportStatus::code).collect(Collectors.joining(", ")) + "."));
            if (body.version() == null) {
                throw InvalidParameterException.of("version", "version is missing; send the version of the report you "
                        + "read, so that a concurrent change is not overwritten.");
            }
            String reason = ReportInput.text(body.reason());
            if (status == ReportStatus.REJECTED && reason == null) {
                throw InvalidParameterException.of("reason", "reason is missing; a rejection needs a reason that the "
                        + "citizen can read.");
            }
            String note = ReportInput.text(body.note());
            if (note != null && note.length() > MAX_NOTE || reason != null && reason.length() > MAX_NOTE) {
                throw InvalidParameterException.of(note != null && note.length() > MAX_NOTE ? "note" : "reason",
                        "The text is longer than " + MAX_NOTE + " characters; shorten it.");
            }
            return new TransitionCheck(status, body.version(), note, reason);
        }
    }

    Flux<MessageView> messages(Caller caller, long id) {
        return service.row(id).flatMapMany(row -> {
            if (!access.canReadFull(caller, row)) {
                return Flux.error(access.denied(caller, id));
            }
            return reports.messages(id);
        });
    }

    /** Adds a message from the reporter or a handler and publishes {@code reports.updated}. */
    Mono<MessageView> postMessage(Caller caller, long id, MessageRequest body) {
        String text = body == null ? null : ReportInput.text(body.body());
        if (text == null) {
            return Mono.error(InvalidParameterException.of("body", "body is missing; write the message text."));
        }
        if (text.length() > MAX_MESSAGE) {
            return Mono.error(InvalidParameterException.of("body", "body has " + text.length()
                    + " characters; shorten it to at most " + MAX_MESSAGE + "."));
        }
        return service.row(id).flatMap(row -> {
            boolean handler = access.isHandler(caller.user(), row);
            if (!handler && !access.isReporter(caller, row)) {
                return Mono.error(access.denied(caller, id));
            }
            return reports.insertMessage(id, caller.user().id(), handler ? "handler" : "citizen",
                            caller.user().displayName(), text)
                    .doOnNext(message -> service.publish("updated", row));
        });
    }

    /** Records the reporter's satisfaction once the report is resolved or closed. */
    Mono<FullView> rate(Caller caller, long id, RatingRequest body) {
        if (body == null || body.stars() == null || body.stars() < 1 || body.stars() > 5) {
            return Mono.error(InvalidParameterException.of("stars", "stars must be a whole number from 1 to 5."));
        }
        String comment = ReportInput.text(body.comment());
        if (comment != null && comment.length() > MAX_MESSAGE) {
            return Mono.error(InvalidParameterException.of("comment", "comment is longer than " + MAX_MESSAGE + " characters."));
        }
        return service.row(id).flatMap(row -> {
            if (!access.isReporter(caller, row)) {
                return Mono.error(caller.user().isAnonymous() && caller.followTokenHash() == null
                        ? access.denied(caller, id)
                        : ReportProblem.forbidden("Only the reporter of report " + id + " may rate it."));
            }
            ReportStatus status = row.statusValue();
            if (status != ReportStatus.RESOLVED && status != ReportStatus.CLOSED) {
                return Mono.error(ReportProblem.conflict("Report " + id + " is " + status.code()
                        + "; it can be rated once it is resolved or closed."));
            }
            return reports.rate(id, body.stars(), comment).then(service.fullView(caller, id))
                    .doOnNext(view -> service.publish("updated", view));
        });
    }
}
