package vn.langso.backend.reports;

import java.time.Duration;

/**
 * An error of the reports, media and Open311 features with its HTTP status and a stable problem type
 * ({@code /problems/<slug>}). {@link ReportProblemHandler} writes it as RFC 9457 problem+json; the Open311
 * adapter writes it as an Open311 error list instead.
 *
 * <p>NOTE: {@code GET /problems/{slug}} describes only the shared problem types, not these slugs.
 */
public final class ReportProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Duration retryAfter;

    private ReportProblem(int status, String slug, String title, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public static ReportProblem unauthorized(String detail) {
        return new ReportProblem(401, "unauthorized", "Authentication required", detail, null);
    }

    public static ReportProblem forbidden(String detail) {
        return new ReportProblem(403, "forbidden", "Forbidden", detail, null);
    }

    public static ReportProblem notFound(String detail) {
        return new ReportProblem(404, "not-found", "Not found", detail, null);
    }

    public static ReportProblem conflict(String detail) {
        return new ReportProblem(409, "report-conflict", "Conflict", detail, null);
    }

    public static ReportProblem payloadTooLarge(String detail) {
        return new ReportProblem(413, "payload-too-large", "Payload too large", detail, null);
    }

    public static ReportProblem unsupportedMediaType(String detail) {
        return new ReportProblem(415, "unsupported-media-type", "Unsupported media type", detail, null);
    }

    public static ReportProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ReportProblem(429, "too-many-requests", "Too many requests", detail, retryAfter);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Returns the time to wait before retrying, or null when retrying sooner does not help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
