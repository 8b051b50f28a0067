package vn.langso.ui.reports;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** Counts of {@code GET /api/v1/reports/stats} over the reports the caller may see, per commune and per category. */
public record ReportStats(List<Row> byCommune, List<Row> byCategory) {

    public ReportStats {
        byCommune = byCommune == null ? List.of() : List.copyOf(byCommune);
        byCategory = byCategory == null ? List.of() : List.copyOf(byCategory);
    }

    /**
     * Counts of one commune or category.
     *
     * @param key        commune code or category code
     * @param onTime     resolved reports that were resolved by their due date
     * @param onTimeRate share of resolved reports resolved on time, from 0 to 1; null before any is resolved
     */
    public record Row(@JsonAlias({"communeCode", "category", "code"}) String key, long total, long open, long resolved,
                      long onTime, Double onTimeRate) {
    }
}
