package vn.langso.backend.communes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of the commune and administrative-unit API; the fixed paths come before {@code {code}}. */
@Configuration(proxyBeanMethods = false)
class CommuneRoutes {

    @Bean
    RouterFunction<ServerResponse> communeRouter(CommuneHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/communes"), handler::listCurrent)
                .route(ReadOnlyRoutes.read("/api/v1/communes/at"), handler::atPoint)
                .route(ReadOnlyRoutes.read("/api/v1/communes/search"), handler::search)
                .route(ReadOnlyRoutes.read("/api/v1/communes/{code}"), handler::byCode)
                .route(ReadOnlyRoutes.read("/api/v1/admin-units"), handler::listValidOn)
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/communes/**"))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/communes"))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/admin-units"))
                .build();
    }
}
