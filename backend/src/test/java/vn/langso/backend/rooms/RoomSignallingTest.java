package vn.langso.backend.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.rooms.RoomFixtures.COOPERATIVE;
import static vn.langso.backend.rooms.RoomFixtures.OTHER_COOPERATIVE;
import static vn.langso.backend.rooms.SignalClient.message;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/**
 * The signalling WebSocket over real HTTP in peer-to-peer mode (no media server configured): joining with and
 * without invitations, the lobby, moderator rights, relaying, chat and the removal of dead connections.
 */
class RoomSignallingTest extends ApiTestSupport {

    private static final Consumer<HttpHeaders> MODERATOR =
            TestUsers.as(TestUsers.cooperativeMember(Long.toString(COOPERATIVE), true));

    @BeforeAll
    static void cooperatives() {
        execute(RoomFixtures.COOPERATIVES);
    }

    @Test
    void guestWithoutInvitationCannotJoin() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");

        try (SignalClient guest = SignalClient.connect(port(), roomId, null)) {
            guest.send(message("join").put("name", "Khách"));

            JsonNode error = guest.await("error");
            assertThat(error.path("code").asString()).isEqualTo("invitation-required");
            assertThat(guest.awaitClose()).isEqualTo(4003);
        }
    }

    @Test
    void forgedOrUsedInvitationCannotJoin() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        String token = RoomFixtures.invite(client, roomId, MODERATOR, "{\"singleUse\": true, \"requiresAdmission\": false}");
        String forged = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');

        try (SignalClient first = SignalClient.connect(port(), roomId, null);
                SignalClient second = SignalClient.connect(port(), roomId, null);
                SignalClient forger = SignalClient.connect(port(), roomId, null);
                SignalClient malformed = SignalClient.connect(port(), roomId, null)) {
            first.send(message("join").put("invitation", token).put("name", "Khách một"));
            assertThat(first.await("joined").path("self").path("role").asString()).isEqualTo("listener");

            second.send(message("join").put("invitation", token).put("name", "Khách hai"));
            JsonNode used = second.await("error");
            assertThat(used.path("code").asString()).isEqualTo("invitation-invalid");
            assertThat(used.path("message").asString()).contains("used");

            forger.send(message("join").put("invitation", forged).put("name", "Kẻ giả"));
            assertThat(forger.await("error").path("message").asString()).contains("unknown");

            malformed.send(message("join").put("invitation", "' OR 1=1 --").put("name", "X"));
            assertThat(malformed.await("error").path("code").asString()).isEqualTo("invitation-invalid");
        }
    }

    @Test
    void expiredInvitationCannotJoin() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        String token = RoomFixtures.invite(client, roomId, MODERATOR, "{\"singleUse\": false}");
        execute("UPDATE room_invitation SET expires_at = now() - interval '1 minute' WHERE room_id = '" + roomId + "'");

        try (SignalClient guest = SignalClient.connect(port(), roomId, null)) {
            guest.send(message("join").put("invitation", token).put("name", "Khách"));

            assertThat(guest.await("error").path("message").asString()).contains("expired");
        }
    }

    @Test
    void memberOfOtherCooperativeCannotJoin() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        Consumer<HttpHeaders> outsider = TestUsers.as(TestUsers.cooperativeMember(Long.toString(OTHER_COOPERATIVE), false));

        try (SignalClient stranger = SignalClient.connect(port(), roomId, outsider)) {
            stranger.send(message("join"));

            assertThat(stranger.await("error").path("code").asString()).isEqualTo("forbidden");
        }
    }

    @Test
    void listenerCannotMuteOthers() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        String token = RoomFixtures.invite(client, roomId, MODERATOR, "{\"role\": \"listener\", \"requiresAdmission\": false}");

        try (SignalClient moderator = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient listener = SignalClient.connect(port(), roomId, null)) {
            moderator.send(message("join"));
            String moderatorId = moderator.await("joined").path("self").path("id").asString();
            listener.send(message("join").put("invitation", token).put("name", "Người nghe"));
            listener.await("joined");

            listener.send(message("mute").put("participant", moderatorId).put("kind", "audio"));
            JsonNode error = listener.await("error");
            listener.send(message("remove").put("participant", moderatorId));
            JsonNode removeError = listener.await("error");
            listener.send(message("offer").put("to", moderatorId).put("sdp", "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n"));
            JsonNode sendingOffer = listener.await("error");
            listener.send(message("offer").put("to", moderatorId).put("sdp", "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\n"));
            JsonNode receivingOffer = moderator.await("offer");

            assertThat(error.path("code").asString()).isEqualTo("forbidden");
            assertThat(error.path("message").asString()).contains("Only moderators");
            assertThat(removeError.path("code").asString()).isEqualTo("forbidden");
            assertThat(sendingOffer.path("code").asString()).isEqualTo("forbidden");
            assertThat(receivingOffer.path("sdp").asString()).contains("a=recvonly");
            assertThat(moderator.receives("muted", Duration.ofSeconds(1))).as("moderator was told of a mute").isFalse();
            assertThat(moderator.receives("removed", Duration.ofMillis(200))).isFalse();
        }
    }

    @Test
    void moderatorMutesAndRemoves() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        Consumer<HttpHeaders> member = TestUsers.as(TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false));

        try (SignalClient moderator = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient speaker = SignalClient.connect(port(), roomId, member)) {
            moderator.send(message("join"));
            moderator.await("joined");
            speaker.send(message("join"));
            String speakerId = speaker.await("joined").path("self").path("id").asString();
            moderator.await("participant-joined");

            moderator.send(message("mute").put("participant", speakerId).put("kind", "audio"));
            JsonNode muted = speaker.await("muted");
            assertThat(muted.path("participant").asString()).isEqualTo(speakerId);
            assertThat(muted.path("kind").asString()).isEqualTo("audio");

            moderator.send(message("remove").put("participant", speakerId));
            assertThat(speaker.await("removed").path("by").asString()).isNotEmpty();
            assertThat(speaker.awaitClose()).isEqualTo(4001);
            JsonNode left = moderator.await("participant-left");
            assertThat(left.path("participant").asString()).isEqualTo(speakerId);
            assertThat(left.path("reason").asString()).isEqualTo("removed");
        }
    }

    @Test
    void lobbyGuestWaitsForAdmission() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        String token = RoomFixtures.invite(client, roomId, MODERATOR, "{\"role\": \"speaker\", \"singleUse\": false}");

        try (SignalClient moderator = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient guest = SignalClient.connect(port(), roomId, null);
                SignalClient rejected = SignalClient.connect(port(), roomId, null)) {
            moderator.send(message("join"));
            moderator.await("joined");

            guest.send(message("join").put("invitation", token).put("name", "Kỹ sư nông nghiệp"));
            String guestId = guest.await("lobby-waiting").path("participant").asString();
            guest.send(message("chat").put("text", "xin chào"));
            assertThat(guest.await("error").path("code").asString()).isEqualTo("not-admitted");
            JsonNode request = moderator.await("lobby-request");
            assertThat(request.path("participant").path("name").asString()).isEqualTo("Kỹ sư nông nghiệp");

            moderator.send(message("admit").put("participant", guestId));
            JsonNode joined = guest.await("joined");
            assertThat(joined.path("self").path("role").asString()).isEqualTo("speaker");
            assertThat(joined.path("participants").size()).isEqualTo(1);
            assertThat(moderator.await("participant-joined").path("participant").path("id").asString()).isEqualTo(guestId);

            rejected.send(message("join").put("invitation", token).put("name", "Người lạ"));
            String rejectedId = rejected.await("lobby-waiting").path("participant").asString();
            moderator.send(message("reject").put("participant", rejectedId));
            assertThat(rejected.await("error").path("code").asString()).isEqualTo("rejected");
            assertThat(rejected.awaitClose()).isEqualTo(4002);
        }
    }

    @Test
    void offersAndCandidatesAreRelayed() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        Consumer<HttpHeaders> member = TestUsers.as(TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false));

        try (SignalClient first = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient second = SignalClient.connect(port(), roomId, member)) {
            first.send(message("join"));
            JsonNode firstJoined = first.await("joined");
            assertThat(firstJoined.path("mode").asString()).isEqualTo("peer-to-peer");
            assertThat(firstJoined.path("maxParticipants").asInt()).isEqualTo(4);
            String firstId = firstJoined.path("self").path("id").asString();
            second.send(message("join"));
            JsonNode secondJoined = second.await("joined");
            String secondId = secondJoined.path("self").path("id").asString();
            assertThat(secondJoined.path("participants").findValuesAsString("id")).containsExactly(firstId);

            second.send(message("offer").put("to", firstId).put("sdp", "v=0\r\na=sendrecv\r\n"));
            JsonNode offer = first.await("offer");
            assertThat(offer.path("from").asString()).isEqualTo(secondId);
            assertThat(offer.path("sdp").asString()).isEqualTo("v=0\r\na=sendrecv\r\n");
            assertThat(offer.has("to")).isFalse();

            var ice = message("ice").put("to", secondId);
            ice.putObject("candidate").put("candidate", "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host")
                    .put("sdpMid", "0").put("sdpMLineIndex", 0);
            first.send(ice);
            assertThat(second.await("ice").path("candidate").path("candidate").asString()).contains("typ host");

            first.send(message("offer").put("to", "nobody").put("sdp", "v=0"));
            assertThat(first.await("error").path("code").asString()).isEqualTo("participant-not-found");
        }
    }

    @Test
    void chatIsComposedAndBroadcast() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        Consumer<HttpHeaders> member = TestUsers.as(TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false));

        try (SignalClient first = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient second = SignalClient.connect(port(), roomId, member)) {
            first.send(message("join"));
            first.await("joined");
            second.send(message("join"));
            second.await("joined");

            first.send(message("chat").put("text", Normalizer.normalize("Giống lúa OM18\nnăng suất", Normalizer.Form.NFD)));
            JsonNode chat = second.await("chat");
            first.send(message("chat").put("text", "x".repeat(2001)));
            JsonNode tooLong = first.await("error");
            first.send("not json");
            JsonNode notJson = first.await("error");
            first.send(message("dance"));
            JsonNode unknown = first.await("error");
            second.send(message("raise-hand").put("raised", true));
            JsonNode hand = first.await("hand");
            second.send(message("low-bandwidth").put("mode", "audio-only"));
            JsonNode lowBandwidth = first.await("low-bandwidth");

            assertThat(chat.path("text").asString()).isEqualTo("Giống lúa OM18 năng suất");
            assertThat(chat.path("name").asString()).isEqualTo("Chủ nhiệm HTX");
            assertThat(tooLong.path("code").asString()).isEqualTo("invalid-message");
            assertThat(notJson.path("code").asString()).isEqualTo("invalid-message");
            assertThat(unknown.path("code").asString()).isEqualTo("unknown-type");
            assertThat(hand.path("raised").asBoolean()).isTrue();
            assertThat(lowBandwidth.path("mode").asString()).isEqualTo("audio-only");
        }
    }

    @Test
    void peerToPeerRoomHoldsFour() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        List<SignalClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                CurrentUser member = TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false);
                SignalClient participant = SignalClient.connect(port(), roomId, TestUsers.as(member));
                clients.add(participant);
                participant.send(message("join"));
                if (i < 4) {
                    participant.await("joined");
                }
            }

            JsonNode full = clients.get(4).await("error");
            assertThat(full.path("code").asString()).isEqualTo("room-full");
            assertThat(full.path("message").asString()).contains("4 participants");
        } finally {
            clients.forEach(SignalClient::close);
        }
    }

    @Test
    void admittingIntoFullRoomKeepsModerator() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        String token = RoomFixtures.invite(client, roomId, MODERATOR, "{\"role\": \"listener\"}");
        List<SignalClient> clients = new ArrayList<>();
        try {
            SignalClient moderator = SignalClient.connect(port(), roomId, MODERATOR);
            clients.add(moderator);
            moderator.send(message("join"));
            moderator.await("joined");
            for (int i = 0; i < 3; i++) {
                CurrentUser member = TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false);
                SignalClient participant = SignalClient.connect(port(), roomId, TestUsers.as(member));
                clients.add(participant);
                participant.send(message("join"));
                participant.await("joined");
            }
            SignalClient guest = SignalClient.connect(port(), roomId, null);
            clients.add(guest);
            guest.send(message("join").put("invitation", token).put("name", "Khách"));
            String guestId = guest.await("lobby-waiting").path("participant").asString();

            moderator.send(message("admit").put("participant", guestId));

            assertThat(guest.await("error").path("code").asString()).isEqualTo("room-full");
            assertThat(moderator.await("error").path("code").asString()).isEqualTo("room-full");
            moderator.send(message("chat").put("text", "vẫn ở đây"));
            assertThat(moderator.await("chat").path("text").asString()).isEqualTo("vẫn ở đây");
        } finally {
            clients.forEach(SignalClient::close);
        }
    }

    @Test
    void joinTokenAdmitsOnce() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        String token = RoomFixtures.post(client, "/api/v1/rooms/" + roomId + "/join-tokens", MODERATOR, "{}")
                .body().path("token").asString();

        try (SignalClient browser = SignalClient.connect(port(), roomId, null);
                SignalClient replay = SignalClient.connect(port(), roomId, null)) {
            browser.send(message("join").put("token", token));
            assertThat(browser.await("joined").path("self").path("role").asString()).isEqualTo("moderator");

            replay.send(message("join").put("token", token));
            assertThat(replay.await("error").path("code").asString()).isEqualTo("token-invalid");
        }
    }

    @Test
    void droppedAndClosedConnectionsGiveReasons() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        Consumer<HttpHeaders> member = TestUsers.as(TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false));

        try (SignalClient watcher = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient dropped = SignalClient.connect(port(), roomId, member);
                SignalClient leaving = SignalClient.connect(port(), roomId, member)) {
            watcher.send(message("join"));
            watcher.await("joined");
            dropped.send(message("join"));
            String droppedId = dropped.await("joined").path("self").path("id").asString();
            leaving.send(message("join"));
            String leavingId = leaving.await("joined").path("self").path("id").asString();

            dropped.close();
            JsonNode lost = watcher.await("participant-left");
            leaving.send(message("leave"));
            JsonNode left = watcher.await("participant-left");

            assertThat(lost.path("participant").asString()).isEqualTo(droppedId);
            assertThat(lost.path("reason").asString()).isEqualTo("connection-lost");
            assertThat(left.path("participant").asString()).isEqualTo(leavingId);
            assertThat(left.path("reason").asString()).isEqualTo("left");
            assertThat(leaving.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void deadConnectionIsRemovedWithinFifteenSeconds() throws Exception {
        String roomId = RoomFixtures.createRoom(client, MODERATOR, "");
        Consumer<HttpHeaders> member = TestUsers.as(TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false));

        try (TcpProxy proxy = new TcpProxy(port());
                SignalClient watcher = SignalClient.connect(port(), roomId, MODERATOR);
                SignalClient doomed = SignalClient.connect(proxy.port(), roomId, member)) {
            watcher.send(message("join"));
            watcher.await("joined");
            doomed.send(message("join"));
            String doomedId = doomed.await("joined").path("self").path("id").asString();
            watcher.await("participant-joined");

            long cutAt = System.nanoTime();
            proxy.freeze();
            JsonNode left = watcher.await(message -> message.path("type").asString("").equals("participant-left"),
                    Duration.ofSeconds(20), "participant-left");
            Duration noticedAfter = Duration.ofNanos(System.nanoTime() - cutAt);
            LoggerFactory.getLogger(RoomSignallingTest.class).info("Dead connection noticed {} ms after the cut",
                    noticedAfter.toMillis());

            assertThat(left.path("participant").asString()).isEqualTo(doomedId);
            assertThat(left.path("reason").asString()).isEqualTo("connection-lost");
            assertThat(noticedAfter).as("time from the cut to participant-left").isLessThan(Duration.ofSeconds(15));
            // The idle timeout (12 s) must also not remove a silent but live participant too early.
            assertThat(noticedAfter).isGreaterThan(Duration.ofSeconds(6));
        }
    }
}
