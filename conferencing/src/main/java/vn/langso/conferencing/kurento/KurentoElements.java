package vn.langso.conferencing.kurento;

import java.net.URI;
import java.util.Locale;
import org.kurento.client.MediaElement;
import org.kurento.client.MediaObject;
import org.kurento.client.MediaPipeline;
import org.kurento.client.MediaProfileSpecType;
import org.kurento.client.RecorderEndpoint;
import org.kurento.client.WebRtcEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.langso.conferencing.IceCandidate;

/** Creates, connects and releases the media elements of rooms, each call through {@link KurentoCalls}. */
final class KurentoElements {

    private static final Logger log = LoggerFactory.getLogger(KurentoElements.class);

    private final KurentoSettings settings;
    private final KurentoCalls calls;

    KurentoElements(KurentoSettings settings, KurentoCalls calls) {
        this.settings = settings;
        this.calls = calls;
    }

    KurentoCalls calls() {
        return calls;
    }

    /**
     * Creates a WebRTC endpoint for a slot, applies the STUN and TURN settings and sends the candidates it
     * gathers to the slot's browser, then attaches it to the slot.
     */
    Mono<WebRtcEndpoint> createWebRtcEndpoint(MediaPipeline pipeline, EndpointSlot slot, String roomId) {
        String where = slot + " in room " + roomId;
        return calls.<WebRtcEndpoint>call("creating the WebRTC endpoint of " + where,
                        cont -> new WebRtcEndpoint.Builder(pipeline).buildAsync(cont))
                .flatMap(endpoint -> configure(endpoint, where)
                        .then(calls.<org.kurento.client.ListenerSubscription>call("subscribing to ICE candidates of " + where,
                                cont -> endpoint.addIceCandidateFoundListener(
                                        event -> slot.sendToBrowser(fromKurento(event.getCandidate())), cont)))
                        .thenReturn(endpoint)
                        .onErrorResume(error -> release(endpoint, where).then(Mono.error(error))))
                .doOnNext(slot::attach);
    }

    private Mono<Void> configure(WebRtcEndpoint endpoint, String where) {
        Mono<Void> steps = Mono.empty();
        if (settings.stunAddress() != null) {
            steps = steps
                    .then(calls.run("setting the STUN address of " + where,
                            cont -> endpoint.setStunServerAddress(settings.stunAddress(), cont)))
                    .then(calls.run("setting the STUN port of " + where,
                            cont -> endpoint.setStunServerPort(settings.stunPort(), cont)));
        }
        if (settings.turnUrl() != null) {
            steps = steps.then(calls.run("setting the TURN relay of " + where,
                    cont -> endpoint.setTurnUrl(settings.turnUrl(), cont)));
        }
        return steps;
    }

    /** Processes the browser's offer and returns the SDP answer. */
    Mono<String> processOffer(WebRtcEndpoint endpoint, String offer, String where) {
        return calls.call("processing the SDP offer of " + where, cont -> endpoint.processOffer(offer, cont));
    }

    Mono<Void> gatherCandidates(WebRtcEndpoint endpoint, String where) {
        return calls.run("gathering ICE candidates of " + where, endpoint::gatherCandidates);
    }

    Mono<Void> addIceCandidate(WebRtcEndpoint endpoint, IceCandidate candidate, String where) {
        org.kurento.client.IceCandidate kurentoCandidate = new org.kurento.client.IceCandidate(
                candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex());
        return calls.run("adding a browser ICE candidate to " + where,
                cont -> endpoint.addIceCandidate(kurentoCandidate, cont));
    }

    Mono<Void> connect(MediaElement source, MediaElement sink, String what) {
        return calls.run("connecting " + what, cont -> source.connect(sink, cont));
    }

    /** Creates a recorder writing to {@code file}, connects the publisher to it and starts it. */
    Mono<RecorderEndpoint> startRecorder(MediaPipeline pipeline, WebRtcEndpoint publisher, URI file, String where) {
        MediaProfileSpecType profile = MediaProfileSpecType.valueOf(settings.mediaProfile().toUpperCase(Locale.ROOT));
        return calls.<RecorderEndpoint>call("creating the recorder of " + where,
                        cont -> new RecorderEndpoint.Builder(pipeline, file.toString())
                                .withMediaProfile(profile)
                                .buildAsync(cont))
                .flatMap(recorder -> connect(publisher, recorder, where + " to its recorder")
                        .then(calls.run("starting the recorder of " + where, recorder::record))
                        .thenReturn(recorder)
                        .onErrorResume(error -> release(recorder, where).then(Mono.error(error))));
    }

    /** Stops a recorder and waits until its file is complete; failures are logged, not raised. */
    Mono<Void> stopRecorder(RecorderEndpoint recorder, String where) {
        return calls.run("stopping the recorder of " + where, recorder::stopAndWait)
                .onErrorResume(error -> {
                    log.warn("Stopping the recorder of {} failed; its file may be incomplete: {}", where,
                            error.getMessage());
                    return Mono.empty();
                })
                .then(release(recorder, where + "'s recorder"));
    }

    /**
     * Releases a media object. Objects the server no longer has (40101, as after a restart) count as
     * released. Other failures are only logged, because releasing the pipeline frees its elements.
     */
    Mono<Void> release(MediaObject object, String what) {
        if (object == null) {
            return Mono.empty();
        }
        return calls.run("releasing " + what, object::release)
                .onErrorResume(error -> {
                    if (!KurentoCalls.isLostObjects(error)) {
                        log.warn("Releasing {} failed: {}", what, error.getMessage());
                    }
                    return Mono.empty();
                });
    }

    static IceCandidate fromKurento(org.kurento.client.IceCandidate candidate) {
        return new IceCandidate(candidate.getCandidate(), candidate.getSdpMid(), candidate.getSdpMLineIndex());
    }
}
