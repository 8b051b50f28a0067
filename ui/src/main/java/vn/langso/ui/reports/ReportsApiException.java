package vn.langso.ui.reports;

import java.time.Duration;
import java.util.List;

/**
 * The reports API returned an error: the RFC 9457 problem that it returned, or a body that is not the JSON
 * the API describes (status 0).
 *
 * @see ReportProblemMessages for the text shown to people
 */
public class ReportsApiException extends RuntimeException {

    /** One field at fault, from the problem's {@code invalidParams}. */
    public record InvalidParam(String name, String reason) {
    }

    private final int status;
    private final String type;
    private final String detail;
    private final List<InvalidParam> invalidParams;
    private final Duration retryAfter;

    /**
     * @param status     HTTP status, or 0 when the status was fine and the body was malformed
     * @param type       the problem's {@code type} URI, empty when the body was not a problem
     * @param retryAfter the {@code Retry-After} of a 429, or null
     */
    public ReportsApiException(String request, int status, String type, String detail, List<InvalidParam> invalidParams,
            Duration retryAfter) {
        super(request + " failed" + (status > 0 ? " with HTTP " + status : "") + ": " + detail);
        this.status = status;
        this.type = type == null ? "" : type;
        this.detail = detail == null ? "" : detail;
        this.invalidParams = invalidParams == null ? List.of() : List.copyOf(invalidParams);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Returns the last path segment of the problem type, such as {@code outside-province}; empty when absent. */
    public String typeSlug() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public String detail() {
        return detail;
    }

    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }

    /** Returns the time to wait before sending again (429 only), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True when the problem names the field in {@code invalidParams}. */
    public boolean names(String field) {
        return invalidParams.stream().anyMatch(param -> field.equals(param.name()));
    }
}
