package vn.langso.backend.reports;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The workflow states of a report and the moves between them. */
enum ReportStatus {
    RECEIVED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED, REOPENED;

    /** Statuses after which a report no longer counts as open (duplicate hints, overdue checks). */
    static final Set<ReportStatus> FINISHED = EnumSet.of(RESOLVED, CLOSED, REJECTED);

    /** Returns the value stored in the database and sent in JSON. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ReportStatus> parse(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }

    /** Returns the statuses a handler may move a report to from this one. */
    Set<ReportStatus> handlerMoves() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ASSIGNED, IN_PROGRESS, REJECTED);
            case ASSIGNED -> EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, REJECTED);
            case IN_PROGRESS -> EnumSet.of(RESOLVED, REJECTED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case REOPENED -> EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, REJECTED);
            case CLOSED, REJECTED -> EnumSet.of(REOPENED);
        };
    }

    /** Returns the statuses the reporter may move their own report to: close or reopen it once resolved. */
    Set<ReportStatus> reporterMoves() {
        return this == RESOLVED ? EnumSet.of(CLOSED, REOPENED) : EnumSet.noneOf(ReportStatus.class);
    }
}
