package vn.langso.backend.live;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.web.ReadOnlyRoutes;

/**
 * {@code GET /api/v1/live?topics=cameras,traceability} as Server-Sent Events: each message's event name is
 * {@code topic.type} and its data the JSON of {@link LiveEvent}. A comment every 15 s keeps proxies from closing an
 * idle stream.
 */
@Configuration
public class LiveRoutes {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    @Bean
    RouterFunction<ServerResponse> liveRouter(LiveChannel channel) {
        return RouterFunctions.route(ReadOnlyRoutes.read("/api/v1/live"), request -> stream(request, channel));
    }

    private static Mono<ServerResponse> stream(ServerRequest request, LiveChannel channel) {
        Set<String> topics = request.queryParam("topics").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(topic -> !topic.isEmpty())
                .collect(Collectors.toUnmodifiableSet());

        Flux<ServerSentEvent<Object>> messages = channel.subscribe(topics)
                .map(event -> ServerSentEvent.builder((Object) event).event(event.topic() + "." + event.type()).build());
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());

        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-store")
                .body(Flux.merge(messages, keepAlive), ServerSentEvent.class);
    }
}
