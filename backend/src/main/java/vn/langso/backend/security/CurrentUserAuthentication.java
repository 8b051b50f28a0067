package vn.langso.backend.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/** A verified bearer token and the {@link CurrentUser} it maps to; authorities are {@code ROLE_<ROLE>}. */
final class CurrentUserAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final CurrentUser user;

    CurrentUserAuthentication(Jwt jwt, CurrentUser user) {
        super(jwt, user, jwt, authorities(user));
        this.user = user;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(CurrentUser user) {
        return user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public java.util.Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return user.id();
    }
}
