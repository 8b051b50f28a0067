package vn.langso.backend.exports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of layer exports. */
@Configuration(proxyBeanMethods = false)
class ExportRoutes {

    @Bean
    RouterFunction<ServerResponse> exportRouter(ExportHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/layers/{layer}/export"), handler::export)
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/layers/{layer}/export"))
                .build();
    }
}
