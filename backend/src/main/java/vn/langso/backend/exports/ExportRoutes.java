package vn.langso.backend.exports;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of layer exports and the limit on exports running at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
class ExportRoutes {

    @Bean
    ExportLimiter exportLimiter(ExportProperties properties) {
        return new ExportLimiter(properties.maxConcurrent());
    }

    @Bean
    RouterFunction<ServerResponse> exportRouter(ExportHandler handler) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/layers/{layer}/export"), handler::export)
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/layers/{layer}/export"))
                .build();
    }
}
