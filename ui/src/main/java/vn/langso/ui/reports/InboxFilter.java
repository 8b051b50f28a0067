package vn.langso.ui.reports;

/**
 * Filters of the officials' inbox; null or blank values do not filter.
 *
 * @param overdue true for overdue reports only
 * @param query   text searched in descriptions, with or without diacritics
 */
public record InboxFilter(String status, String category, String commune, boolean overdue, String query,
                          int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;

    public static InboxFilter all() {
        return new InboxFilter(null, null, null, false, null, DEFAULT_LIMIT, 0);
    }
}
