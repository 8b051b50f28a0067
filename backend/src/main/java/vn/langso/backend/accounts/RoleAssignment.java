package vn.langso.backend.accounts;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import vn.langso.backend.security.Role;
import vn.langso.backend.security.TokenClaims;

/** Roles and scopes read from a request body, checked for consistency: each scoped role needs its scope. */
record RoleAssignment(Set<Role> roles, UserAccount.Scopes scopes) {

    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern SCOPE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_SCOPE_ITEMS = 200;

    /** Reads {@code roles}, {@code communeCodes}, {@code agencyCodes}, {@code cooperativeIds}, {@code schoolIds}, {@code clinicIds}. */
    static RoleAssignment read(JsonBody body) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : body.textSet("roles", Role.values().length, 40)) {
            TokenClaims.parseRole(name).ifPresentOrElse(roles::add, () -> body.reject("roles", "'" + JsonBody.shorten(name)
                    + "' is not a role; use one of " + roleNames() + "."));
        }
        Set<String> communes = body.textSet("communeCodes", MAX_SCOPE_ITEMS, 5);
        communes.stream().filter(code -> !COMMUNE_CODE.matcher(code).matches()).findFirst()
                .ifPresent(code -> body.reject("communeCodes", "'" + JsonBody.shorten(code)
                        + "' is not a commune code; commune codes have five digits, for example 29954."));
        UserAccount.Scopes scopes = new UserAccount.Scopes(communes, ids(body, "agencyCodes"), ids(body, "cooperativeIds"),
                ids(body, "schoolIds"), ids(body, "clinicIds"));
        requireScope(body, roles, Role.COMMUNE_OFFICIAL, scopes.communeCodes(), "communeCodes");
        requireScope(body, roles, Role.AGENCY_STAFF, scopes.agencyCodes(), "agencyCodes");
        requireScope(body, roles, Role.SCHOOL_STAFF, scopes.schoolIds(), "schoolIds");
        requireScope(body, roles, Role.CLINIC_STAFF, scopes.clinicIds(), "clinicIds");
        boolean cooperative = roles.contains(Role.COOPERATIVE_MEMBER) || roles.contains(Role.COOPERATIVE_MODERATOR);
        if (cooperative != !scopes.cooperativeIds().isEmpty()) {
            body.reject("cooperativeIds", cooperative
                    ? "The cooperative roles need at least one entry in 'cooperativeIds'."
                    : "'cooperativeIds' is given without a cooperative role; add cooperative_member or remove it.");
        }
        return new RoleAssignment(roles, scopes);
    }

    private static void requireScope(JsonBody body, Set<Role> roles, Role role, Set<String> scope, String field) {
        boolean hasRole = roles.contains(role);
        if (hasRole && scope.isEmpty()) {
            body.reject(field, "Role " + TokenClaims.roleName(role) + " needs at least one entry in '" + field + "'.");
        } else if (!hasRole && !scope.isEmpty()) {
            body.reject(field, "'" + field + "' is given without role " + TokenClaims.roleName(role)
                    + "; add the role or remove the field.");
        }
    }

    private static Set<String> ids(JsonBody body, String field) {
        Set<String> ids = body.textSet(field, MAX_SCOPE_ITEMS, 64);
        ids.stream().filter(id -> !SCOPE_ID.matcher(id).matches()).findFirst()
                .ifPresent(id -> body.reject(field, "'" + JsonBody.shorten(id) + "' is not a valid id; use letters, "
                        + "digits, dots, colons, hyphens or underscores."));
        return ids;
    }

    private static String roleNames() {
        return String.join(", ", java.util.Arrays.stream(Role.values()).map(TokenClaims::roleName).toList());
    }
}
