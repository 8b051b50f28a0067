package vn.langso.conferencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PeerToPeerMediaServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void sessionHandlesNoMedia() {
        MediaSession session = new PeerToPeerMediaServer().openRoom("r").block(WAIT);

        assertThat(session.isRelayOnly()).isTrue();
        assertThat(session.server().maxParticipantsPerRoom()).isEqualTo(4);
        assertThat(session.publish("a", "v=0\r\n", candidate -> { }).block(WAIT)).isEmpty();
        assertThat(session.subscribe("b", "a", "v=0\r\n", candidate -> { }).block(WAIT)).isEmpty();
        session.addIceCandidate("a", null, new IceCandidate("candidate:1 1 UDP 1 127.0.0.1 9 typ host", "0", 0))
                .block(WAIT);
        assertThat(session.stopRecording().block(WAIT)).isNull();
    }

    @Test
    void recordingIsUnsupported() {
        MediaSession session = new PeerToPeerMediaServer().openRoom("r").block(WAIT);

        assertThatThrownBy(() -> session.startRecording().block(WAIT))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("configure a Kurento media server");
    }

    @Test
    void closeEmitsClosedOnce() {
        MediaSession session = new PeerToPeerMediaServer().openRoom("r").block(WAIT);

        session.close(CloseReason.ENDED_BY_MODERATOR).block(WAIT);
        session.close(CloseReason.SHUTDOWN).block(WAIT);

        // Events emitted before the first subscriber are kept for it.
        StepVerifier.create(session.events())
                .expectNext(new MediaEvent.Closed("r", CloseReason.ENDED_BY_MODERATOR))
                .verifyComplete();
    }
}
