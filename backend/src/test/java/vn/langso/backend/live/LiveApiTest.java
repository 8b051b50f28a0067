package vn.langso.backend.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.langso.backend.ApiTestSupport;

/** The shared live stream delivers published messages to subscribers of their topic, and only to those. */
class LiveApiTest extends ApiTestSupport {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() { };

    @Autowired
    private LiveChannel channel;

    @Test
    void subscriberReceivesItsTopicOnly() {
        Flux<ServerSentEvent<Map<String, Object>>> stream = client.get().uri("/api/v1/live?topics=cameras")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(EVENT)
                .getResponseBody()
                .filter(event -> event.event() != null);

        Mono<Void> publishLater = Mono.delay(Duration.ofMillis(500)).doOnNext(tick -> {
            channel.publish(LiveEvent.now("traceability", "event-captured", Map.of("id", "x")));
            channel.publish(LiveEvent.now("cameras", "status", Map.of("camera", "cam-1", "status", "online")));
        }).then();

        StepVerifier.create(stream.take(1).doOnSubscribe(subscription -> publishLater.subscribe()))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("cameras.status");
                    assertThat(event.data()).containsEntry("topic", "cameras");
                    assertThat(event.data().get("data")).isEqualTo(Map.of("camera", "cam-1", "status", "online"));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
