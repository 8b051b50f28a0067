package vn.langso.conferencing.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.langso.conferencing.CloseReason;
import vn.langso.conferencing.IceCandidate;
import vn.langso.conferencing.MediaServerSelector;
import vn.langso.conferencing.MediaSession;
import vn.langso.conferencing.PeerToPeerMediaServer;

/**
 * Every call of a Kurento room subscribed from a non-blocking thread, as the backend's WebSocket handlers
 * subscribe them. BlockHound (installed for the whole test JVM) fails the call if anything blocks that thread.
 */
class NonBlockingCallsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeKurentoServer fake;
    private KurentoMediaServer kurento;

    @BeforeEach
    void start() throws Exception {
        fake = FakeKurentoServer.start(FakeKurentoServer.Mode.NORMAL);
        kurento = new KurentoMediaServer(KurentoSettings.defaults(fake.url())
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        kurento.close();
        fake.close();
    }

    @Test
    void roomCallsNeverBlockEventLoop() {
        MediaServerSelector selector = new MediaServerSelector(kurento, new PeerToPeerMediaServer(),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Clock.systemUTC());
        MediaSession room = onParallel(selector.openRoom("htx-nonblocking"));
        assertThat(room.isRelayOnly()).isFalse();
        IceCandidate candidate = new IceCandidate("candidate:1 1 UDP 2122260223 127.0.0.1 50001 typ host", "0", 0);

        onParallel(room.addIceCandidate("alice", null, candidate));
        assertThat(onParallel(room.publish("alice", SampleOffers.publisher("alice"), c -> { }))).startsWith("v=0");
        assertThat(onParallel(room.publish("bob", SampleOffers.publisher("bob"), c -> { }))).startsWith("v=0");
        assertThat(onParallel(room.subscribe("bob", "alice", SampleOffers.subscriber("bob"), c -> { })))
                .startsWith("v=0");
        onParallel(room.addIceCandidate("bob", "alice", candidate));
        assertThat(onParallel(room.startRecording()).files()).hasSize(2);
        assertThat(onParallel(room.stopRecording()).isRunning()).isFalse();
        onParallel(room.leave("alice"));
        onParallel(room.leave("bob"));
        onParallel(room.close(CloseReason.LAST_PARTICIPANT_LEFT));

        assertThat(fake.liveObjects("MediaPipeline")).isEmpty();
    }

    @Test
    void blockingOnParallelIsDetected() {
        Mono<Void> sleeping = Mono.fromRunnable(() -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() -> onParallel(sleeping)).hasMessageContaining("Blocking call");
    }

    private static <T> T onParallel(Mono<T> call) {
        return call.subscribeOn(Schedulers.parallel()).block(WAIT);
    }
}
