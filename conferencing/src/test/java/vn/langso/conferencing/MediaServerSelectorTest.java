package vn.langso.conferencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MediaServerSelectorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A primary server whose openRoom returns the given Mono, counting the attempts. */
    private static final class StubServer implements MediaServer {
        final AtomicInteger attempts = new AtomicInteger();
        final Mono<MediaSession> answer;

        StubServer(Mono<MediaSession> answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int maxParticipantsPerRoom() {
            return 50;
        }

        @Override
        public boolean isRelayOnly() {
            return false;
        }

        @Override
        public Mono<MediaSession> openRoom(String roomId) {
            attempts.incrementAndGet();
            return answer;
        }
    }

    /** A clock that tests move by hand. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void withoutPrimaryUsesPeerToPeer() {
        MediaSession session = MediaServerSelector.peerToPeerOnly().openRoom("r").block(WAIT);

        assertThat(session.isRelayOnly()).isTrue();
        assertThat(session.roomId()).isEqualTo("r");
    }

    @Test
    void workingPrimaryIsUsed() {
        MediaSession primarySession = new PeerToPeerMediaServer().openRoom("r").block(WAIT);
        StubServer primary = new StubServer(Mono.just(primarySession));
        MediaServerSelector selector = new MediaServerSelector(primary, new PeerToPeerMediaServer(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Clock.systemUTC());

        assertThat(selector.openRoom("r").block(WAIT)).isSameAs(primarySession);
        assertThat(selector.isPrimaryAvailable()).isTrue();
    }

    @Test
    void silentPrimaryFallsBackAfterTimeout() {
        StubServer primary = new StubServer(Mono.never());
        MediaServerSelector selector = new MediaServerSelector(primary, new PeerToPeerMediaServer(),
                Duration.ofMillis(200), Duration.ofSeconds(30), Clock.systemUTC());

        MediaSession session = selector.openRoom("r").block(WAIT);

        assertThat(session.isRelayOnly()).isTrue();
        assertThat(primary.attempts).hasValue(1);
    }

    @Test
    void failedPrimaryIsRetriedAfterInterval() {
        StubServer primary = new StubServer(Mono.error(new MediaServerException("refused")));
        MovableClock clock = new MovableClock();
        MediaServerSelector selector = new MediaServerSelector(primary, new PeerToPeerMediaServer(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), clock);

        assertThat(selector.openRoom("a").block(WAIT).isRelayOnly()).isTrue();
        clock.now = clock.now.plusSeconds(29);
        assertThat(selector.openRoom("b").block(WAIT).isRelayOnly()).isTrue();
        assertThat(primary.attempts).hasValue(1);

        clock.now = clock.now.plusSeconds(2);
        selector.openRoom("c").block(WAIT);
        assertThat(primary.attempts).hasValue(2);
    }

    @Test
    void rejectsZeroTimeout() {
        assertThatThrownBy(() -> new MediaServerSelector(null, new PeerToPeerMediaServer(), Duration.ZERO,
                Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openTimeout must be positive");
    }
}
