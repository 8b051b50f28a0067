package vn.langso.backend.traceability;

import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;

/**
 * Access rules of traceability data. Queries, journeys and consumer pages are public; capturing events needs a
 * partner credential: a partner token ({@link PartnerTokens}) or a user with a capture role.
 *
 * <p>TODO: there is no partner role yet, so capture is allowed to province administrators and cooperative
 * moderators; a dedicated role for supply-chain partners belongs with the accounts feature.
 */
public final class TraceabilityAccess {

    /** Outcome of an access decision. */
    public enum Decision {
        ALLOWED,
        /** No credentials: HTTP 401. */
        UNAUTHENTICATED,
        /** Credentials without the right role: HTTP 403. */
        FORBIDDEN
    }

    private TraceabilityAccess() {
    }

    /**
     * Decides whether the request may capture EPCIS events.
     *
     * @param partnerToken true when the request carries a valid {@link PartnerTokens} token
     */
    public static Decision capture(CurrentUser user, boolean partnerToken) {
        if (partnerToken) {
            return Decision.ALLOWED;
        }
        if (user.isAnonymous()) {
            return Decision.UNAUTHENTICATED;
        }
        return user.has(Role.PROVINCE_ADMIN) || user.has(Role.COOPERATIVE_MODERATOR) ? Decision.ALLOWED : Decision.FORBIDDEN;
    }
}
