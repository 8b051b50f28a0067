package vn.langso.backend.audit;

import java.util.Map;
import java.util.Objects;
import vn.langso.backend.security.CurrentUser;

/**
 * One event for the audit log.
 *
 * @param actorId       account id of who acted; {@code null} for an anonymous client
 * @param actorName     user name, phone number or display name the actor gave or had
 * @param action        what happened, lower case with dots, for example {@code auth.sign-in} or {@code report.read}
 * @param outcome       whether it succeeded, failed or was denied
 * @param target        what it was about, for example {@code user:<id>} or {@code report:42}; may be empty
 * @param clientAddress where the request came from (see {@code ClientAddress})
 * @param details       further facts as JSON values; never passwords, codes or tokens
 */
public record AuditEntry(String actorId, String actorName, String action, Outcome outcome, String target,
                         String clientAddress, Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        actorName = actorName == null ? "" : actorName;
        target = target == null ? "" : target;
        clientAddress = clientAddress == null ? "" : clientAddress;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Creates an entry whose actor is the given user; an anonymous user is recorded without an id. */
    public static AuditEntry of(CurrentUser actor, String action, Outcome outcome, String target, String clientAddress) {
        return new AuditEntry(actor.id(), actor.displayName(), action, outcome, target, clientAddress, Map.of());
    }

    /** Returns a copy with the given details. */
    public AuditEntry withDetails(Map<String, Object> moreDetails) {
        return new AuditEntry(actorId, actorName, action, outcome, target, clientAddress, moreDetails);
    }

    /** Outcome of an audited action. */
    public enum Outcome {
        SUCCESS, FAILURE, DENIED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
