package vn.langso.backend.traceability.epcis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of the EPCIS 2.0 REST interface under {@code /epcis}. */
@Configuration(proxyBeanMethods = false)
class EpcisRoutes {

    @Bean
    RouterFunction<ServerResponse> epcisRouter(CaptureHandler capture, QueryHandler query) {
        return RouterFunctions.route()
                .POST("/epcis/capture", capture::captureDocument)
                .route(ReadOnlyRoutes.read("/epcis/capture/{captureID}"), capture::job)
                .POST("/epcis/events", capture::captureEvent)
                .route(ReadOnlyRoutes.read("/epcis/events"), query::events)
                .route(ReadOnlyRoutes.read("/epcis/events/{eventID}"), query::event)
                .build();
    }
}
