package vn.langso.backend.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Claim names of the platform's tokens and the mapping between their claims and a {@link CurrentUser}. Tokens of
 * an external OpenID Connect issuer use the same scope claims; only where their roles and name are found differs.
 */
public final class TokenClaims {

    public static final String ROLES = "roles";
    public static final String NAME = "name";
    public static final String COMMUNE_CODES = "commune_codes";
    public static final String AGENCY_CODES = "agency_codes";
    public static final String COOPERATIVE_IDS = "cooperative_ids";
    public static final String SCHOOL_IDS = "school_ids";
    public static final String CLINIC_IDS = "clinic_ids";
    /** {@code access} or {@code refresh}; only access tokens authenticate API requests. */
    public static final String TOKEN_USE = "token_use";

    private static final Logger log = LoggerFactory.getLogger(TokenClaims.class);

    private TokenClaims() {
    }

    /** Returns the claim name of a role: its enum name in lower case, for example {@code commune_official}. */
    public static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a role name as written in a token or a request: case, hyphens and underscores do not matter
     * ({@code commune-official}, {@code COMMUNE_OFFICIAL}). Returns empty for a name that is not a role.
     */
    public static Optional<Role> parseRole(String name) {
        String normalized = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Role role : Role.values()) {
            if (role.name().equals(normalized)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Maps a token of this backend to its user. */
    static CurrentUser embeddedUser(Jwt jwt) {
        return user(jwt, listClaim(jwt.getClaims(), ROLES), "", stringClaim(jwt, NAME));
    }

    /** Maps a token of the configured OpenID Connect issuer to its user, following the documented claim mapping. */
    static CurrentUser oidcUser(Jwt jwt, SecurityProperties.Oidc settings) {
        List<String> names = listClaim(jwt.getClaims(), settings.rolesClaim());
        String name = stringClaim(jwt, settings.nameClaim());
        if (name.isEmpty()) {
            name = stringClaim(jwt, "preferred_username");
        }
        return user(jwt, names, settings.rolePrefix(), name);
    }

    private static CurrentUser user(Jwt jwt, List<String> roleNames, String rolePrefix, String name) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String roleName : roleNames) {
            if (!roleName.startsWith(rolePrefix)) {
                continue;
            }
            Optional<Role> role = parseRole(roleName.substring(rolePrefix.length()));
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                log.debug("Token of subject {} names role '{}', which is not a platform role; ignored",
                        jwt.getSubject(), roleName.replaceAll("[\\r\\n]", "_"));
            }
        }
        return new CurrentUser(jwt.getSubject(), name, roles,
                Set.copyOf(listClaim(jwt.getClaims(), COMMUNE_CODES)),
                Set.copyOf(listClaim(jwt.getClaims(), AGENCY_CODES)),
                Set.copyOf(listClaim(jwt.getClaims(), COOPERATIVE_IDS)),
                Set.copyOf(listClaim(jwt.getClaims(), SCHOOL_IDS)),
                Set.copyOf(listClaim(jwt.getClaims(), CLINIC_IDS)));
    }

    private static String stringClaim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        return value instanceof String text ? text : "";
    }

    /**
     * Reads a list of strings at a dotted path ({@code realm_access.roles}); a single string counts as a list of
     * one, a space-separated string (like OAuth's {@code scope}) as its words, and anything else as empty.
     */
    static List<String> listClaim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(part);
        }
        if (value instanceof String text) {
            return List.of(text.strip().split("\\s+"));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
