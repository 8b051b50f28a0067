package vn.langso.backend.security;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Where handlers and services find the {@link CurrentUser} of a request: a web filter resolves it once from the
 * request's credentials and writes it to the Reactor context under {@link #CONTEXT_KEY}.
 */
public final class CurrentUsers {

    public static final Class<CurrentUser> CONTEXT_KEY = CurrentUser.class;

    private CurrentUsers() {
    }

    /** The user of the running request; anonymous when no credentials were given. */
    public static Mono<CurrentUser> current() {
        return Mono.deferContextual(context -> Mono.just(context.getOrDefault(CONTEXT_KEY, CurrentUser.anonymous())));
    }

    /** Writes the user to a Reactor context, for the resolving filter and for tests of services. */
    public static Context withUser(Context context, CurrentUser user) {
        return context.put(CONTEXT_KEY, user);
    }
}
