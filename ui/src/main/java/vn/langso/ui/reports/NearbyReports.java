package vn.langso.ui.reports;

import java.util.List;

/** Open reports of one category near a point, nearest first, within the category's radius and time window. */
public record NearbyReports(int radiusMetres, int windowDays, List<ReportView> reports) {

    public NearbyReports {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
