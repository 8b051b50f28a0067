package vn.langso.backend.live;

import java.time.Instant;
import java.util.Objects;

/**
 * One message on the shared live channel.
 *
 * @param topic the feature that sent it, e.g. {@code cameras}, {@code traceability}, {@code reports}; clients
 *              subscribe by topic
 * @param type  what happened within the topic, e.g. {@code count}, {@code status}, {@code event-captured}
 * @param data  the payload, serialised as JSON; it must hold nothing personal, because the public map reads the
 *              channel
 * @param at    when it happened
 */
public record LiveEvent(String topic, String type, Object data, Instant at) {

    public LiveEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public static LiveEvent now(String topic, String type, Object data) {
        return new LiveEvent(topic, type, data, Instant.now());
    }
}
