package vn.langso.backend.cameras;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of the camera ingest API (agents, POST) and the camera read API (everyone, GET). */
@Configuration(proxyBeanMethods = false)
class CameraRoutes {

    @Bean
    RouterFunction<ServerResponse> cameraRouter(CameraIngestHandler ingest, CameraHandler cameras) {
        return RouterFunctions.route()
                .route(RequestPredicates.method(HttpMethod.POST).and(RequestPredicates.path("/api/v1/camera-ingest/batches")),
                        ingest::batch)
                .route(RequestPredicates.method(HttpMethod.POST).and(RequestPredicates.path("/api/v1/camera-ingest/heartbeats")),
                        ingest::heartbeat)
                .route(ReadOnlyRoutes.read("/api/v1/cameras"), cameras::list)
                .route(ReadOnlyRoutes.read("/api/v1/cameras/detections"), cameras::searchDetections)
                .route(ReadOnlyRoutes.read("/api/v1/cameras/violations/{id}/snapshot"), cameras::snapshot)
                .route(ReadOnlyRoutes.read("/api/v1/cameras/{camera}"), cameras::one)
                .route(ReadOnlyRoutes.read("/api/v1/cameras/{camera}/counts"), cameras::counts)
                .route(ReadOnlyRoutes.read("/api/v1/cameras/{camera}/violations"), cameras::violations)
                .route(RequestPredicates.path("/api/v1/camera-ingest/**").and(RequestPredicates.method(HttpMethod.POST).negate()),
                        request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST))))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/cameras/**"))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/cameras"))
                .build();
    }
}
