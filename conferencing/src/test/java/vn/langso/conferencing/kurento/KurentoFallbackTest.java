package vn.langso.conferencing.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langso.conferencing.MediaServerException;
import vn.langso.conferencing.MediaServerSelector;
import vn.langso.conferencing.MediaSession;
import vn.langso.conferencing.PeerToPeerMediaServer;

/**
 * A media server that accepts TCP but never completes the WebSocket handshake: kurento-client would block
 * about 25 s, so room creation must fail within the configured connect timeout and the selector must fall
 * back to peer-to-peer.
 */
class KurentoFallbackTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);

    private FakeKurentoServer blackHole;
    private KurentoMediaServer kurento;

    @BeforeEach
    void startBlackHole() throws Exception {
        blackHole = FakeKurentoServer.start(FakeKurentoServer.Mode.BLACK_HOLE);
        kurento = new KurentoMediaServer(KurentoSettings.defaults(blackHole.url())
                .withTimeouts(CONNECT_TIMEOUT, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
        kurento.close();
        blackHole.close();
    }

    @Test
    void openRoomTimesOut() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> kurento.openRoom("r1").block(Duration.ofSeconds(30)))
                .isInstanceOf(MediaServerException.class)
                .hasMessageContaining("did not accept a connection within PT1.5S");

        // The bound leaves room for a loaded machine and is still far below the 25 s of kurento-client.
        assertThat(elapsed(started)).isBetween(CONNECT_TIMEOUT.minusMillis(100), Duration.ofSeconds(8));

        // The first attempt still hangs; a second room waits for it, again only as long as the timeout.
        long again = System.nanoTime();
        assertThatThrownBy(() -> kurento.openRoom("r2").block(Duration.ofSeconds(30)))
                .isInstanceOf(MediaServerException.class);
        assertThat(elapsed(again)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void selectorFallsBackToPeerToPeer() {
        MediaServerSelector selector = new MediaServerSelector(kurento, new PeerToPeerMediaServer(),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Clock.systemUTC());
        long started = System.nanoTime();

        MediaSession session = selector.openRoom("hoi-quan-my-hiep").block(Duration.ofSeconds(30));

        assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(8));
        assertThat(session.isRelayOnly()).isTrue();
        assertThat(session.server().name()).isEqualTo("peer-to-peer");
        assertThat(session.server().maxParticipantsPerRoom()).isEqualTo(4);
        assertThat(selector.isPrimaryAvailable()).isFalse();

        // Within the retry interval the next room does not wait for Kurento again.
        long next = System.nanoTime();
        assertThat(selector.openRoom("htx-2").block(Duration.ofSeconds(30)).isRelayOnly()).isTrue();
        assertThat(elapsed(next)).isLessThan(Duration.ofSeconds(1));
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
