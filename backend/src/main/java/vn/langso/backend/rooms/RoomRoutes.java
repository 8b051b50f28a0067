package vn.langso.backend.rooms;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the room API; {@code /api/v1/rooms/{id}/signal} is the WebSocket of {@link SignallingConfiguration}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoomsProperties.class)
class RoomRoutes {

    @Bean
    RouterFunction<ServerResponse> roomRouter(RoomHandler handler) {
        return RouterFunctions.route()
                .route(GET("/api/v1/rooms/places"), handler::places)
                .route(GET("/api/v1/rooms"), handler::list)
                .route(POST("/api/v1/rooms"), handler::create)
                .route(GET("/api/v1/rooms/{id}"), handler::get)
                .route(GET("/api/v1/rooms/{id}/invitations"), handler::listInvitations)
                .route(POST("/api/v1/rooms/{id}/invitations"), handler::createInvitation)
                .route(DELETE("/api/v1/rooms/{id}/invitations/{invitationId}"), handler::revokeInvitation)
                .route(POST("/api/v1/rooms/{id}/join-tokens"), handler::createJoinToken)
                .route(GET("/api/v1/rooms/{id}/recordings"), handler::recordings)
                .build();
    }
}
