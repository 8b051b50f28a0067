package vn.langso.backend.security;

import java.util.Objects;
import java.util.Set;

/**
 * The user a request acts for, with the areas each role applies to. Features decide access from this record only,
 * in one access class per feature; they never read tokens or headers themselves.
 *
 * @param id             stable account id; {@code null} for an anonymous visitor
 * @param displayName    name to show; never logged with personal data
 * @param roles          the roles held; empty for an anonymous visitor
 * @param communeCodes   codes of the communes a commune official works for
 * @param agencyCodes    codes of the agencies an agency staff member works for
 * @param cooperativeIds ids of the cooperatives a member or moderator belongs to
 * @param schoolIds      ids of the schools a staff member works for
 * @param clinicIds      ids of the clinics a staff member works for
 */
public record CurrentUser(String id, String displayName, Set<Role> roles, Set<String> communeCodes,
        Set<String> agencyCodes, Set<String> cooperativeIds, Set<String> schoolIds, Set<String> clinicIds) {

    private static final CurrentUser ANONYMOUS =
            new CurrentUser(null, "", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public CurrentUser {
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        communeCodes = Set.copyOf(communeCodes);
        agencyCodes = Set.copyOf(agencyCodes);
        cooperativeIds = Set.copyOf(cooperativeIds);
        schoolIds = Set.copyOf(schoolIds);
        clinicIds = Set.copyOf(clinicIds);
    }

    public static CurrentUser anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return id == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True for a province administrator, or a commune official of the commune. */
    public boolean worksForCommune(String communeCode) {
        return has(Role.PROVINCE_ADMIN) || (has(Role.COMMUNE_OFFICIAL) && communeCodes.contains(communeCode));
    }
}
