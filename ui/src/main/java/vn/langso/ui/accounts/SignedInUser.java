package vn.langso.ui.accounts;

import java.time.Instant;
import java.util.List;

/**
 * The user signed in to this ui session, as the backend's token response described them.
 *
 * @param accessToken  bearer token forwarded to the backend; never shown or logged
 * @param expiresAt    when the access token expires
 * @param refreshToken token that gets a new access token without the password
 */
public record SignedInUser(String id, String displayName, List<String> roles, List<String> communeCodes,
                           String accessToken, Instant expiresAt, String refreshToken) {

    public SignedInUser {
        roles = List.copyOf(roles);
        communeCodes = List.copyOf(communeCodes);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "SignedInUser[id=" + id + ", roles=" + roles + ", tokens redacted]";
    }
}
