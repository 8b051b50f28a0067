package vn.langso.backend.web;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * Request predicates and routes of read-only paths. Functional GET routes match neither HEAD nor, with a
 * 405, the other methods; these do. Add {@link #rejectWrites} after a feature's own routes.
 */
public final class ReadOnlyRoutes {

    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private ReadOnlyRoutes() {
    }

    /** Matches GET and HEAD on a path pattern; the framework drops the body of a HEAD response. */
    public static RequestPredicate read(String pathPattern) {
        return RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD).and(RequestPredicates.path(pathPattern));
    }

    /** Creates a route that rejects every other method than GET, HEAD and OPTIONS on the path pattern. */
    public static RouterFunction<ServerResponse> rejectWrites(String pathPattern) {
        return RouterFunctions.route(
                RequestPredicates.path(pathPattern)
                        .and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS).negate()),
                request -> Mono.error(new MethodNotAllowedException(request.method(), READ_METHODS)));
    }
}
