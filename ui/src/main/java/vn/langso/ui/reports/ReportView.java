package vn.langso.ui.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report as the API returns it. The public view fills the first fields only. The full view, for the reporter and
 * the handlers, adds the workflow fields, which are null or empty otherwise.
 *
 * @param distanceMetres     distance from the searched point, in nearby results only
 * @param version            version for optimistic locking; a transition must send the current one
 * @param allowedTransitions statuses the caller may move the report to now
 * @param followToken        secret for following the report without an account, in the submission response only
 */
public record ReportView(long id, String category, String description, String status, String communeCode,
                         String address, Double lon, Double lat, Instant reportedAt, Instant updatedAt,
                         List<Media> media, Double distanceMetres,
                         Integer version, String agencyCode, LocalDate dueDate, boolean overdue, boolean escalated,
                         String assignee, String rejectionReason, Integer rating, String ratingComment,
                         String reporterName, String reporterPhone, boolean mine,
                         List<String> allowedTransitions, List<HistoryEntry> history, String followToken) {

    public ReportView {
        media = media == null ? List.of() : List.copyOf(media);
        allowedTransitions = allowedTransitions == null ? List.of() : List.copyOf(allowedTransitions);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * A photo or video; the URLs are paths on the backend.
     *
     * @param kind {@code photo} or {@code video}
     */
    public record Media(String id, String kind, String contentType, String url, String thumbnailUrl) {
    }

    /**
     * One workflow step.
     *
     * @param by {@code citizen}, {@code handler} or {@code system}
     */
    public record HistoryEntry(Instant at, String fromStatus, String toStatus, String by, String byName, String note) {
    }

    /** True for the statuses in which the office still has work to do. */
    public boolean open() {
        return !"resolved".equals(status) && !"closed".equals(status) && !"rejected".equals(status);
    }
}
