package vn.langso.backend.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of the reports API; fixed paths come before {@code {id}}. */
@Configuration(proxyBeanMethods = false)
class ReportRoutes {

    @Bean
    RouterFunction<ServerResponse> reportRouter(ReportHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/report-categories"), handler::categories)
                .route(ReadOnlyRoutes.read("/api/v1/reports/nearby"), handler::nearby)
                .route(ReadOnlyRoutes.read("/api/v1/reports/stats"), handler::stats)
                .route(ReadOnlyRoutes.read("/api/v1/reports"), handler::inbox)
                .POST("/api/v1/reports", handler::submit)
                .route(ReadOnlyRoutes.read("/api/v1/reports/{id}"), handler::get)
                .route(ReadOnlyRoutes.read("/api/v1/reports/{id}/public"), handler::getPublic)
                .POST("/api/v1/reports/{id}/transitions", handler::transition)
                .route(ReadOnlyRoutes.read("/api/v1/reports/{id}/messages"), handler::messages)
                .POST("/api/v1/reports/{id}/messages", handler::postMessage)
                .POST("/api/v1/reports/{id}/rating", handler::rate)
                .add(RouterFunctions.route(RequestPredicates.path("/api/v1/report-categories"),
                        request -> reactor.core.publisher.Mono.error(new org.springframework.web.server.MethodNotAllowedException(
                                request.method(), java.util.Set.of(org.springframework.http.HttpMethod.GET)))))
                .build();
    }
}
