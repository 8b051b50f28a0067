package vn.langso.backend.layers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of the layer API. */
@Configuration(proxyBeanMethods = false)
class LayerRoutes {

    @Bean
    RouterFunction<ServerResponse> layerRouter(LayerHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/layers"), handler::listLayers)
                .route(ReadOnlyRoutes.read("/api/v1/layers/{layer}/features"), handler::listFeatures)
                .route(ReadOnlyRoutes.read("/api/v1/layers/{layer}/features/{id}"), handler::featureById)
                .route(ReadOnlyRoutes.read("/api/v1/layers/{layer}/nearest"), handler::nearest)
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/layers/**"))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/layers"))
                .build();
    }
}
