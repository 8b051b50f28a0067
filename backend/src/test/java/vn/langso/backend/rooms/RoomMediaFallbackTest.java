package vn.langso.backend.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.rooms.SignalClient.message;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.testing.TestUsers;

/**
 * A configured Kurento Media Server that accepts TCP but never responds: the first join waits at most the media open
 * timeout and the room runs peer-to-peer.
 */
class RoomMediaFallbackTest extends ApiTestSupport {

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(2);
    private static ServerSocket silentServer;
    private static final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void silentKurento(DynamicPropertyRegistry registry) throws IOException {
        silentServer = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("silent-kurento").start(() -> {
            try {
                while (!silentServer.isClosed()) {
                    accepted.add(silentServer.accept());
                }
            } catch (IOException e) {
                // Closed by the test.
            }
        });
        registry.add("LANGSO_KURENTO_URL", () -> "ws://127.0.0.1:" + silentServer.getLocalPort() + "/kurento");
        registry.add("langso.rooms.media-open-timeout", () -> OPEN_TIMEOUT.toMillis() + "ms");
    }

    @BeforeAll
    static void cooperatives() {
        execute(RoomFixtures.COOPERATIVES);
    }

    @AfterAll
    static void closeSilentServer() throws IOException {
        silentServer.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void silentMediaServerFallsBack() throws Exception {
        Consumer<HttpHeaders> moderator = TestUsers.as(TestUsers.cooperativeMember(Long.toString(RoomFixtures.COOPERATIVE), true));
        String roomId = RoomFixtures.createRoom(client, moderator, "");

        try (SignalClient participant = SignalClient.connect(port(), roomId, moderator)) {
            long start = System.nanoTime();
            participant.send(message("join"));
            JsonNode joined = participant.await("joined");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(joined.path("mode").asString()).isEqualTo("peer-to-peer");
            assertThat(waited).as("join time with a silent media server").isLessThan(OPEN_TIMEOUT.plusSeconds(3));
            assertThat(accepted).as("connections the silent media server accepted").isNotEmpty();
        }
    }
}
