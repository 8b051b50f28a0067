package vn.langso.backend.analyses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Planner analyses over the public layers; read-only and public like the layers they read. */
@Configuration(proxyBeanMethods = false)
class AnalysisRoutes {

    @Bean
    RouterFunction<ServerResponse> analysisRouter(AnalysisHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/analyses/layers"), handler::layers)
                .route(ReadOnlyRoutes.read("/api/v1/analyses/communes"), handler::communeAggregates)
                .route(ReadOnlyRoutes.read("/api/v1/analyses/coverage"), handler::coverage)
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/analyses/**"))
                .build();
    }
}
