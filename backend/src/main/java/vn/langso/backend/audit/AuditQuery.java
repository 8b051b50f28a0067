package vn.langso.backend.audit;

import java.time.OffsetDateTime;
import vn.langso.backend.web.Page;

/**
 * Filters of an audit search; a {@code null} filter matches everything.
 *
 * @param actor  account id or name of the actor, matched exactly
 * @param action action name, or a prefix ending in a dot ({@code auth.} matches every sign-in action)
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param target what the action was about, matched exactly
 * @param from   earliest time, inclusive
 * @param to     latest time, exclusive
 */
record AuditQuery(String actor, String action, String outcome, String target, OffsetDateTime from, OffsetDateTime to,
                  Page page) {
}
