package vn.langso.ui.reports;

import java.util.List;

/** One page of {@code GET /api/v1/reports}: the reports the caller may see, newest first, and how many match. */
public record InboxPage(int total, List<ReportView> reports) {

    public InboxPage {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
