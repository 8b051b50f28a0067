package vn.langso.backend.open311;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of Open311 GeoReport v2 under {@code /open311/v2}; every path ends in {@code .json} or {@code .xml}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Properties.class)
class Open311Routes {

    @Bean
    RouterFunction<ServerResponse> open311Router(Open311Handler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/open311/v2/discovery.{format}"), handler::discovery)
                .route(ReadOnlyRoutes.read("/open311/v2/services.{format}"), handler::services)
                .route(ReadOnlyRoutes.read("/open311/v2/services/{code}.{format}"), handler::definition)
                .route(ReadOnlyRoutes.read("/open311/v2/requests.{format}"), handler::list)
                .POST("/open311/v2/requests.{format}", handler::create)
                .route(ReadOnlyRoutes.read("/open311/v2/requests/{id}.{format}"), handler::one)
                .route(ReadOnlyRoutes.read("/open311/v2/tokens/{token}.{format}"), handler::token)
                .build();
    }
}
