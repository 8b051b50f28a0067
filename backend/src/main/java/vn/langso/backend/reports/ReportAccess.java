package vn.langso.backend.reports;

import org.springframework.stereotype.Component;
import vn.langso.backend.reports.ReportRecords.ReportRow;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;

/**
 * Decides who may see and do what with reports; every check of the feature is made here, from the
 * {@link CurrentUser} and, for anonymous reporters, the follow token they were given at submission.
 */
@Component
public class ReportAccess {

    /** The caller of a reports request: a user and, for an anonymous reporter, the hash of a follow token. */
    record Caller(CurrentUser user, String followTokenHash) {
    }

    /** True when the caller filed the report (by account, or by the follow token given at submission). */
    boolean isReporter(Caller caller, ReportRow report) {
        CurrentUser user = caller.user();
        if (!user.isAnonymous() && user.id().equals(report.reporterAccountId())) {
            return true;
        }
        return caller.followTokenHash() != null && caller.followTokenHash().equals(report.followTokenHash());
    }

    /** True when the caller works the report: its commune's official, its agency's staff or a province admin. */
    boolean isHandler(CurrentUser user, ReportRow report) {
        if (user.has(Role.PROVINCE_ADMIN)) {
            return true;
        }
        if (user.has(Role.COMMUNE_OFFICIAL) && report.communeCode() != null
                && user.communeCodes().contains(report.communeCode())) {
            return true;
        }
        return user.has(Role.AGENCY_STAFF) && report.agencyCode() != null
                && user.agencyCodes().contains(report.agencyCode());
    }

    /** True when the caller may read the full view, the history and the messages. */
    boolean canReadFull(Caller caller, ReportRow report) {
        return isReporter(caller, report) || isHandler(caller.user(), report);
    }

    /** True when the caller may list an inbox at all (anonymous callers and planners may not). */
    boolean canListInbox(CurrentUser user) {
        return user.has(Role.CITIZEN) || user.has(Role.COMMUNE_OFFICIAL) || user.has(Role.AGENCY_STAFF)
                || user.has(Role.PROVINCE_ADMIN);
    }

    /**
     * Returns 401 for an anonymous caller and 403 for a signed-in one. The detail does not say whether the report
     * exists, so guessing ids reveals nothing.
     */
    ReportProblem denied(Caller caller, long reportId) {
        if (caller.user().isAnonymous() && caller.followTokenHash() == null) {
            return ReportProblem.unauthorized("Report " + reportId + " is visible to its reporter and its handlers only. "
                    + "Sign in, or send the follow token given at submission in the X-Report-Token header.");
        }
        return ReportProblem.forbidden("You may not see or change report " + reportId
                + ". Its reporter, the officials of its commune, the staff of its agency and province administrators may.");
    }

    /**
     * Returns the SQL condition that limits an inbox to the reports the user may see. {@code r} is the report table and
     * {@code p} its private row; the parameters it uses are bound by {@link ReportRepository}.
     */
    String inboxCondition(CurrentUser user) {
        if (user.has(Role.PROVINCE_ADMIN)) {
            return "true";
        }
        StringBuilder condition = new StringBuilder("(false");
        if (user.has(Role.CITIZEN)) {
            condition.append(" OR p.reporter_account_id = :userId");
        }
        if (user.has(Role.COMMUNE_OFFICIAL)) {
            condition.append(" OR r.commune_code = ANY(:communes)");
        }
        if (user.has(Role.AGENCY_STAFF)) {
            condition.append(" OR p.agency_code = ANY(:agencies)");
        }
        return condition.append(')').toString();
    }
}
