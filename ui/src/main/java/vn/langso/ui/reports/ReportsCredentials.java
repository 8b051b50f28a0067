package vn.langso.ui.reports;

import java.util.Map;
import java.util.Optional;
import vn.langso.ui.accounts.UiSession;

/**
 * Credentials that {@link ReportsClient} sends with every call for the person using the current page. Without a
 * bean of this type the client uses {@link #SIGNED_IN_USER}, the bearer token of the user signed in on the current
 * Vaadin session; calls outside a session, or of a visitor who has not signed in, are anonymous.
 */
public interface ReportsCredentials {

    /** Credentials of an anonymous visitor: none. */
    ReportsCredentials NONE = Optional::empty;

    /** Credentials of the user signed in on the current Vaadin session through the sign-in page. */
    ReportsCredentials SIGNED_IN_USER = UiSession::bearerToken;

    /** Returns the bearer token of the signed-in user, or empty for an anonymous visitor. */
    Optional<String> bearerToken();

    /** Returns the request headers that carry the credentials: {@code Authorization: Bearer ...} when signed in. */
    default Map<String, String> headers() {
        return bearerToken().map(token -> Map.of("Authorization", "Bearer " + token)).orElse(Map.of());
    }
}
