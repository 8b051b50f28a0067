package vn.langso.backend.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Records of the reports feature: rows read from the database and the JSON bodies of the API. */
public final class ReportRecords {

    private ReportRecords() {
    }

    /** One report with its private side, as read from {@code report} joined with {@code report_private}. */
    record ReportRow(long id, String category, String description, String status, String communeCode,
                     String address, double lon, double lat, Instant reportedAt, Instant updatedAt, int version,
                     String reporterAccountId, String reporterName, String reporterPhone, String followTokenHash,
                     String agencyCode, String assigneeName, LocalDate dueDate, Instant resolvedAt,
                     Instant escalatedAt, String rejectionReason, Integer rating, String ratingComment,
                     String externalMediaUrl) {

        ReportStatus statusValue() {
            return ReportStatus.parse(status).orElse(ReportStatus.RECEIVED);
        }

        boolean isOverdue(LocalDate today) {
            return dueDate != null && today.isAfter(dueDate) && !ReportStatus.FINISHED.contains(statusValue());
        }
    }

    /** A photo or video of a report as the API shows it. */
    public record MediaView(String id, String kind, String contentType, long sizeBytes, String url, String thumbnailUrl) {
    }

    /**
     * The public part of a report, readable by anyone. {@code externalMediaUrl} is a link that an Open311 client sent
     * instead of a file; the server never fetches it.
     */
    public record PublicView(long id, String category, String description, String status, String communeCode,
                             String address, double lon, double lat, Instant reportedAt, Instant updatedAt,
                             List<MediaView> media, String externalMediaUrl) {
    }

    /** A public view with its distance from a point, for the duplicate hint. */
    record NearbyReport(PublicView report, double distanceMetres) {
    }

    /** One workflow step. */
    record HistoryEntry(Instant at, String fromStatus, String toStatus, String by, String byName, String note) {
    }

    /** The full report, for its reporter and its handlers. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FullView(long id, String category, String description, String status, String communeCode,
                    String address, double lon, double lat, Instant reportedAt, Instant updatedAt,
                    List<MediaView> media, int version, String agencyCode, LocalDate dueDate, boolean overdue,
                    boolean escalated, String assignee, String rejectionReason, Integer rating,
                    String ratingComment, String reporterName, String reporterPhone, boolean mine,
                    Set<String> allowedTransitions, List<HistoryEntry> history) {
    }

    /** The response to a submission: the full view and the token that lets an anonymous reporter follow it. */
    record Submitted(FullView report, String followToken) {
    }

    /** A message between the reporter and the handlers. */
    record MessageView(long id, Instant at, String from, String authorName, String body) {
    }

    /** A report category with its deadline and duplicate window. */
    public record Category(String code, String nameVi, String nameEn, String descriptionVi, String descriptionEn,
                    int deadlineWorkingDays, int duplicateRadiusMetres, int duplicateWindowDays) {
    }

    /** A page of the inbox. */
    record ReportList(long total, List<FullView> reports) {
    }

    /** Counts of one commune or category. */
    record StatsRow(String key, long total, long open, long resolved, long onTime, Double onTimeRate) {
    }

    record Stats(List<StatsRow> byCommune, List<StatsRow> byCategory) {
    }

    /** A new report as the API and Open311 receive it, before validation. */
    public record NewReport(String category, String description, Double lon, Double lat, String address,
                     String reporterName, String reporterPhone, String open311Token) {
    }

    /** A request to move a report to another status. */
    record TransitionRequest(String status, Integer version, String note, String reason) {
    }

    record MessageRequest(String body) {
    }

    record RatingRequest(Integer stars, String comment) {
    }
}
