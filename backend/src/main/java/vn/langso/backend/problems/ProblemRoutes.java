package vn.langso.backend.problems;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Serves a description of each problem type at its URI, {@code GET /problems/{slug}}. */
@Configuration(proxyBeanMethods = false)
class ProblemRoutes {

    @Bean
    RouterFunction<ServerResponse> problemTypeRouter() {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/problems/{slug}"), request -> {
                    String slug = request.pathVariable("slug");
                    ProblemType type = ProblemType.bySlug(slug).orElseThrow(() -> new NotFoundException(
                            "No problem type '" + slug + "'. Known types: " + knownSlugs() + "."));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", type.uri());
                    body.put("title", type.title());
                    body.put("status", type.status());
                    body.put("description", type.description());
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                })
                .route(ReadOnlyRoutes.read("/problems"), request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("problemTypes", java.util.Arrays.stream(ProblemType.values())
                                .map(ProblemType::uri).toList())))
                .add(ReadOnlyRoutes.rejectWrites("/problems/**"))
                .add(ReadOnlyRoutes.rejectWrites("/problems"))
                .build();
    }

    private static String knownSlugs() {
        return String.join(", ", java.util.Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList());
    }
}
