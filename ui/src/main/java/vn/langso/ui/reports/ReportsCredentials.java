package vn.langso.ui.reports;

import java.util.Map;
import java.util.Optional;

/**
 * Credentials that {@link ReportsClient} sends with every call for the person using the current page. The accounts
 * feature provides a bean that returns the signed-in user's bearer token; without such a bean calls are anonymous.
 */
public interface ReportsCredentials {

    /** Credentials of an anonymous visitor: none. */
    ReportsCredentials NONE = Optional::empty;

    /** Returns the bearer token of the signed-in user, or empty for an anonymous visitor. */
    Optional<String> bearerToken();

    /** Returns the request headers that carry the credentials: {@code Authorization: Bearer ...} when signed in. */
    default Map<String, String> headers() {
        return bearerToken().map(token -> Map.of("Authorization", "Bearer " + token)).orElse(Map.of());
    }
}
