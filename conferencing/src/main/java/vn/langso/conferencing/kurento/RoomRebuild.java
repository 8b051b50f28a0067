package vn.langso.conferencing.kurento;

import java.util.ArrayList;
import java.util.List;
import org.kurento.client.MediaPipeline;
import org.kurento.client.WebRtcEndpoint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.conferencing.MediaEvent;

/**
 * One attempt to rebuild a room after the media server lost its objects: a new pipeline, a new endpoint for
 * every publisher and subscription that had one, the connections between them, and new recorders when the
 * room was being recorded. The new endpoints have seen no offer, so the browsers must renegotiate; the
 * attempt returns one {@link MediaEvent.RenegotiationNeeded} per endpoint.
 */
final class RoomRebuild {

    private final KurentoRoom room;
    private final KurentoElements elements;

    RoomRebuild(KurentoRoom room, KurentoElements elements) {
        this.room = room;
        this.elements = elements;
    }

    Mono<List<MediaEvent.RenegotiationNeeded>> run() {
        return Mono.defer(() -> {
            if (room.isClosed()) {
                return Mono.just(List.<MediaEvent.RenegotiationNeeded>of());
            }
            return room.kurento().createPipeline(room.roomId())
                    .flatMap(rebuilt -> {
                        MediaPipeline old = room.replacePipeline(rebuilt);
                        return elements.release(old, "the lost pipeline of room " + room.roomId())
                                .then(rebuildEndpoints(rebuilt));
                    });
        });
    }

    private Mono<List<MediaEvent.RenegotiationNeeded>> rebuildEndpoints(MediaPipeline rebuilt) {
        List<EndpointSlot> publishers = room.publisherSlots().stream().filter(this::hadEndpoint).toList();
        List<EndpointSlot> subscriptions = room.subscriptionSlots().stream().filter(this::hadEndpoint).toList();
        List<MediaEvent.RenegotiationNeeded> renegotiations = new ArrayList<>();

        Mono<Void> publisherSteps = Flux.fromIterable(publishers)
                .concatMap(slot -> elements.createWebRtcEndpoint(rebuilt, slot, room.roomId())
                        .flatMap(endpoint -> room.recordAgain(rebuilt, slot.publisherId, endpoint))
                        .then(Mono.fromRunnable(() -> renegotiations.add(renegotiation(slot)))))
                .then();
        Mono<Void> subscriptionSteps = Flux.fromIterable(subscriptions)
                .concatMap(slot -> elements.createWebRtcEndpoint(rebuilt, slot, room.roomId())
                        .flatMap(endpoint -> connectFromPublisher(slot, endpoint))
                        .then(Mono.fromRunnable(() -> renegotiations.add(renegotiation(slot)))))
                .then();
        return publisherSteps.then(subscriptionSteps).then(Mono.fromSupplier(() -> List.copyOf(renegotiations)));
    }

    /** Detaches the lost endpoint; returns whether there was one, so that placeholders are left alone. */
    private boolean hadEndpoint(EndpointSlot slot) {
        return slot.detach() != null;
    }

    private Mono<Void> connectFromPublisher(EndpointSlot subscription, WebRtcEndpoint endpoint) {
        WebRtcEndpoint source = room.publisherSlots().stream()
                .filter(p -> p.participantId.equals(subscription.publisherId))
                .map(EndpointSlot::endpoint)
                .filter(e -> e != null)
                .findFirst()
                .orElse(null);
        if (source == null) {
            return Mono.empty();
        }
        return elements.connect(source, endpoint, subscription.publisherId + " to " + subscription);
    }

    private MediaEvent.RenegotiationNeeded renegotiation(EndpointSlot slot) {
        return new MediaEvent.RenegotiationNeeded(room.roomId(), slot.participantId, slot.publisherId);
    }
}
