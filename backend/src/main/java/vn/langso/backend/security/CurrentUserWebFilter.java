package vn.langso.backend.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes the {@link CurrentUser} of a request into the Reactor context for {@link CurrentUsers#current()}: the user
 * of a verified bearer token, or the anonymous user when the request has none.
 */
final class CurrentUserWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CurrentUserAuthentication.class::isInstance)
                .map(authentication -> ((CurrentUserAuthentication) authentication).user())
                .defaultIfEmpty(CurrentUser.anonymous())
                .flatMap(user -> chain.filter(exchange).contextWrite(context -> CurrentUsers.withUser(context, user)));
    }
}
