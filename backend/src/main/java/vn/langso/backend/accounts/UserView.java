package vn.langso.backend.accounts;

import java.util.List;
import java.util.Set;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.TokenClaims;

/**
 * An account as the API shows it. {@code phone} and {@code username} are filled only for the account's owner and
 * for administrators; the password hash and lockout counters are never shown.
 */
record UserView(String id, String username, String phone, String displayName, List<String> roles,
                List<String> communeCodes, List<String> agencyCodes, List<String> cooperativeIds, List<String> schoolIds,
                List<String> clinicIds, Boolean enabled, Boolean locked) {

    static UserView of(UserAccount account, java.time.OffsetDateTime now) {
        CurrentUser user = account.toCurrentUser();
        return new UserView(user.id(), account.username(), account.phone(), user.displayName(), roles(user),
                sorted(user.communeCodes()), sorted(user.agencyCodes()), sorted(user.cooperativeIds()),
                sorted(user.schoolIds()), sorted(user.clinicIds()), account.enabled(), account.lockedAt(now));
    }

    /** Creates the view of a token's user; a token carries neither user name nor phone. */
    static UserView of(CurrentUser user) {
        return new UserView(user.id(), null, null, user.displayName(), roles(user), sorted(user.communeCodes()),
                sorted(user.agencyCodes()), sorted(user.cooperativeIds()), sorted(user.schoolIds()),
                sorted(user.clinicIds()), null, null);
    }

    private static List<String> roles(CurrentUser user) {
        return user.roles().stream().map(TokenClaims::roleName).sorted().toList();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
