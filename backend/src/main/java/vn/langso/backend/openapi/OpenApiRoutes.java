package vn.langso.backend.openapi;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/**
 * Serves the hand-written OpenAPI 3.0 document at {@code /api/v1/openapi.json}. It is self-contained (no
 * references outside the document), so that validators and test suites work offline.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiRoutes {

    static final String DOCUMENT = "openapi/openapi.json";

    /** Reads the document once while the application starts, off the event loop. */
    @Bean
    RouterFunction<ServerResponse> openApiRouter() throws IOException {
        byte[] document;
        try (InputStream input = new ClassPathResource(DOCUMENT).getInputStream()) {
            document = input.readAllBytes();
        }
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/openapi.json"), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(document))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/openapi.json"))
                .build();
    }
}
