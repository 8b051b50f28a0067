package vn.langso.backend.accounts;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.security.Role;

/** A stored account of the embedded sign-in; {@code passwordHash} never leaves this package. */
record UserAccount(UUID id, String username, String phone, String displayName, String passwordHash, Set<Role> roles,
                   Scopes scopes, boolean enabled, int failedSignIns, OffsetDateTime lockedUntil,
                   OffsetDateTime createdAt) {

    CurrentUser toCurrentUser() {
        return new CurrentUser(id.toString(), displayName, roles, scopes.communeCodes(), scopes.agencyCodes(),
                scopes.cooperativeIds(), scopes.schoolIds(), scopes.clinicIds());
    }

    boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The areas the account's roles apply to. */
    record Scopes(Set<String> communeCodes, Set<String> agencyCodes, Set<String> cooperativeIds, Set<String> schoolIds,
                  Set<String> clinicIds) {

        static final Scopes NONE = new Scopes(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        Scopes {
            communeCodes = Set.copyOf(communeCodes);
            agencyCodes = Set.copyOf(agencyCodes);
            cooperativeIds = Set.copyOf(cooperativeIds);
            schoolIds = Set.copyOf(schoolIds);
            clinicIds = Set.copyOf(clinicIds);
        }
    }
}
