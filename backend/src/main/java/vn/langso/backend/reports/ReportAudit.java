package vn.langso.backend.reports;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.audit.AuditEntry;
import vn.langso.backend.audit.AuditLog;
import vn.langso.backend.reports.ReportAccess.Caller;
import vn.langso.backend.reports.ReportRecords.ReportList;
import vn.langso.backend.reports.ReportRecords.FullView;

/**
 * Writes an audit entry before a response shows a reporter's name or phone number to someone other than that
 * reporter (a commune official, agency staff or an administrator). The response is sent only once the entry is
 * stored, so a failed audit write fails the request instead of leaking unaudited personal data.
 */
@Component
class ReportAudit {

    /** Action of an audit entry for reading reporters' personal data. */
    static final String PERSONAL_DATA_READ = "report.personal-data.read";

    private final AuditLog audit;

    ReportAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records the read of one report's personal data, when the view contains any for a non-reporter. */
    Mono<FullView> read(Caller caller, FullView view, String clientAddress) {
        if (!showsPersonalData(view)) {
            return Mono.just(view);
        }
        return audit.record(AuditEntry.of(caller.user(), PERSONAL_DATA_READ, AuditEntry.Outcome.SUCCESS,
                        "report:" + view.id(), clientAddress).withDetails(Map.of("fields", fields(view))))
                .thenReturn(view);
    }

    /** Records one entry for an inbox page that lists the ids of the reports whose personal data it shows. */
    Mono<ReportList> read(Caller caller, ReportList page, String clientAddress) {
        List<Long> ids = page.reports().stream().filter(ReportAudit::showsPersonalData).map(FullView::id).toList();
        if (ids.isEmpty()) {
            return Mono.just(page);
        }
        return audit.record(AuditEntry.of(caller.user(), PERSONAL_DATA_READ, AuditEntry.Outcome.SUCCESS,
                        "reports", clientAddress).withDetails(Map.of("reportIds", ids)))
                .thenReturn(page);
    }

    private static boolean showsPersonalData(FullView view) {
        return !view.mine() && (present(view.reporterName()) || present(view.reporterPhone()));
    }

    private static List<String> fields(FullView view) {
        if (present(view.reporterName()) && present(view.reporterPhone())) {
            return List.of("reporterName", "reporterPhone");
        }
        return List.of(present(view.reporterName()) ? "reporterName" : "reporterPhone");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
