package vn.langso.backend.live;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The in-process hub that features publish to and that the live stream reads from. A slow subscriber loses
 * messages instead of slowing the publishers: each subscriber has a bounded buffer and is dropped when it overflows
 * (the browser's EventSource then reconnects).
 */
@Component
public class LiveChannel {

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);

    /** Messages kept per subscriber before it counts as too slow. */
    static final int SUBSCRIBER_BUFFER = 256;

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

    /** Publishes to every current subscriber of the topic; never blocks and never fails the caller. */
    public void publish(LiveEvent event) {
        Sinks.EmitResult result = sink.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            // Concurrent emitters: retry briefly instead of dropping the message for everyone.
            sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(50)));
        }
    }

    /** Messages of the given topics from now on; all topics when the set is empty. */
    public Flux<LiveEvent> subscribe(Set<String> topics) {
        return sink.asFlux()
                .filter(event -> topics.isEmpty() || topics.contains(event.topic()))
                .onBackpressureBuffer(SUBSCRIBER_BUFFER,
                        dropped -> log.warn("Live subscriber too slow; dropping it at {} {}", dropped.topic(), dropped.type()));
    }
}
