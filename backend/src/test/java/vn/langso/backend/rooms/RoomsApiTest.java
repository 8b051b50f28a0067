package vn.langso.backend.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.langso.backend.rooms.RoomFixtures.COOPERATIVE;
import static vn.langso.backend.rooms.RoomFixtures.OTHER_COOPERATIVE;
import static vn.langso.backend.rooms.RoomFixtures.post;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.rooms.RoomFixtures.Response;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/** The room REST API against real PostGIS: scheduling, access, invitations, join tokens and recordings. */
class RoomsApiTest extends ApiTestSupport {

    private static final CurrentUser MODERATOR = TestUsers.cooperativeMember(Long.toString(COOPERATIVE), true);
    private static final CurrentUser MEMBER = TestUsers.cooperativeMember(Long.toString(COOPERATIVE), false);
    private static final CurrentUser OTHER_MEMBER = TestUsers.cooperativeMember(Long.toString(OTHER_COOPERATIVE), false);

    @BeforeAll
    static void cooperatives() {
        execute(RoomFixtures.COOPERATIVES);
    }

    @Test
    void moderatorSchedulesRoomWithInvitees() {
        String startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = """
                {"cooperativeId": 501, "topic": "Kỹ thuật canh tác lúa", "startsAt": "%s", "durationMinutes": 90,
                 "recordingRetentionDays": 30,
                 "invitedMembers": [{"accountId": "scientist-1", "role": "moderator"}, {"accountId": "officer-2"}]}"""
                .formatted(startsAt);

        Response created = post(client, "/api/v1/rooms", TestUsers.as(MODERATOR), body);

        assertThat(created.status()).as("status; body %s", created.body()).isEqualTo(201);
        assertThat(created.body().path("topic").asString()).isEqualTo("Kỹ thuật canh tác lúa");
        assertThat(created.body().path("cooperativeName").asString()).isEqualTo("HTX Tân Thuận Tây");
        assertThat(created.body().path("status").asString()).isEqualTo("upcoming");
        assertThat(created.body().path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(created.body().path("recordingRetentionDays").asInt()).isEqualTo(30);
        assertThat(created.body().path("invitedMembers").toString())
                .contains("\"accountId\":\"scientist-1\",\"role\":\"moderator\"")
                .contains("\"accountId\":\"officer-2\",\"role\":\"speaker\"");
        assertThat(Instant.parse(created.body().path("startsAt").asString())).isEqualTo(Instant.parse(startsAt));
    }

    @Test
    void memberCannotScheduleRoom() {
        Response response = post(client, "/api/v1/rooms", TestUsers.as(MEMBER), validBody());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().path("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void anonymousCannotScheduleRoom() {
        Response response = post(client, "/api/v1/rooms", null, validBody());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().path("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(response.body().path("detail").asString()).contains("sign in");
    }

    @Test
    void provinceAdminSchedulesForAnyCooperative() {
        Response response = post(client, "/api/v1/rooms", TestUsers.as(TestUsers.provinceAdmin()),
                validBody().replace("501", "502"));

        assertThat(response.status()).as("body %s", response.body()).isEqualTo(201);
        assertThat(response.body().path("cooperativeName").asString()).isEqualTo("Hội quán Mỹ Xương");
    }

    @Test
    void unknownCooperativeIsNotFound() {
        Response response = post(client, "/api/v1/rooms", TestUsers.as(TestUsers.provinceAdmin()),
                validBody().replace("501", "999999"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().path("detail").asString()).contains("999999");
    }

    @Test
    void invalidBodiesNameEachMember() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"", "body"});
        cases.add(new String[] {"[1, 2]", "body"});
        cases.add(new String[] {"{\"cooperativeId\": ", "body"});
        cases.add(new String[] {validBody().replace("\"topic\": \"Họp\"", "\"topic\": \"   \""), "topic"});
        cases.add(new String[] {validBody().replace("\"topic\": \"Họp\"", "\"topic\": 42"), "topic"});
        cases.add(new String[] {validBody().replace("\"topic\": \"Họp\"", "\"topic\": \"" + "x".repeat(201) + "\""), "topic"});
        cases.add(new String[] {validBody().replace("501", "\"501\""), "cooperativeId"});
        cases.add(new String[] {validBody().replace("501", "-1"), "cooperativeId"});
        cases.add(new String[] {validBody().replaceAll("\"startsAt\": \"[^\"]+\"", "\"startsAt\": \"tomorrow\""), "startsAt"});
        cases.add(new String[] {validBody().replaceAll("\"startsAt\": \"[^\"]+\"", "\"startsAt\": \"2020-01-01T08:00:00+07:00\""), "startsAt"});
        cases.add(new String[] {validBody().replace("}", ", \"durationMinutes\": 2}"), "durationMinutes"});
        cases.add(new String[] {validBody().replace("}", ", \"durationMinutes\": 1.5}"), "durationMinutes"});
        cases.add(new String[] {validBody().replace("}", ", \"recordingRetentionDays\": 0}"), "recordingRetentionDays"});
        cases.add(new String[] {validBody().replace("}", ", \"invitedMembers\": [{\"accountId\": \"a\", \"role\": \"boss\"}]}"),
                "invitedMembers[0].role"});
        cases.add(new String[] {validBody().replace("}", ", \"invitedMembers\": [{\"accountId\": \"a\"}, {\"accountId\": \"a\"}]}"),
                "invitedMembers[1].accountId"});
        cases.add(new String[] {validBody().replace("}", ", \"invitedMembers\": \"everyone\"}"), "invitedMembers"});

        for (String[] testCase : cases) {
            Response response = post(client, "/api/v1/rooms", TestUsers.as(MODERATOR), testCase[0]);
            assertThat(response.status()).as("status of %s; body %s", testCase[0], response.body()).isEqualTo(400);
            assertThat(response.body().path("type").asString()).as("type of %s", testCase[0])
                    .isEqualTo("/problems/invalid-parameter");
            assertThat(response.body().path("invalidParams").findValuesAsString("name")).as("invalid members of %s",
                    testCase[0]).contains(testCase[1]);
        }
    }

    @Test
    void decomposedTopicIsStoredComposed() {
        String decomposed = Normalizer.normalize("Hội thảo xoài cát Hòa Lộc", Normalizer.Form.NFD);
        Response response = post(client, "/api/v1/rooms", TestUsers.as(MODERATOR),
                validBody().replace("Họp", decomposed));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().path("topic").asString())
                .isEqualTo(Normalizer.normalize("Hội thảo xoài cát Hòa Lộc", Normalizer.Form.NFC));
    }

    @Test
    void membersListTheirCooperativeRoomsOnly() {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");

        Response mine = RoomFixtures.get(client, "/api/v1/rooms?cooperative=501", TestUsers.as(MEMBER));
        Response others = RoomFixtures.get(client, "/api/v1/rooms?cooperative=501", TestUsers.as(OTHER_MEMBER));
        Response missing = RoomFixtures.get(client, "/api/v1/rooms", TestUsers.as(MEMBER));
        Response malformed = RoomFixtures.get(client, "/api/v1/rooms?cooperative=abc", TestUsers.as(MEMBER));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("rooms").findValuesAsString("id")).contains(roomId);
        assertThat(mine.body().path("rooms").get(0).path("yourRole").asString()).isEqualTo("speaker");
        assertThat(others.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void roomOfOtherCooperativeIsForbidden() {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");

        assertThat(RoomFixtures.get(client, "/api/v1/rooms/" + roomId, TestUsers.as(MEMBER)).status()).isEqualTo(200);
        assertThat(RoomFixtures.get(client, "/api/v1/rooms/" + roomId, TestUsers.as(OTHER_MEMBER)).status()).isEqualTo(403);
        assertThat(RoomFixtures.get(client, "/api/v1/rooms/" + roomId, null).status()).isEqualTo(401);
        assertThat(RoomFixtures.get(client, "/api/v1/rooms/not-a-uuid", TestUsers.as(MEMBER)).status()).isEqualTo(400);
        assertThat(RoomFixtures.get(client, "/api/v1/rooms/00000000-0000-0000-0000-000000000000", TestUsers.as(MEMBER)).status())
                .isEqualTo(404);
    }

    @Test
    void invitedAccountSeesRoomWithItsRole() {
        CurrentUser scientist = new CurrentUser("scientist-7", "Nhà khoa học", java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR),
                ", \"invitedMembers\": [{\"accountId\": \"scientist-7\", \"role\": \"listener\"}]");

        Response response = RoomFixtures.get(client, "/api/v1/rooms/" + roomId, TestUsers.as(scientist));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("yourRole").asString()).isEqualTo("listener");
        assertThat(response.body().path("invitedMembers").size()).as("only moderators see invitees").isZero();
    }

    @Test
    void invitationTokenIsStoredOnlyAsHash() throws Exception {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");

        Response created = post(client, "/api/v1/rooms/" + roomId + "/invitations", TestUsers.as(MODERATOR),
                "{\"role\": \"speaker\", \"singleUse\": false, \"expiresInMinutes\": 60}");

        assertThat(created.status()).as("body %s", created.body()).isEqualTo(201);
        String token = created.body().path("token").asString();
        assertThat(token).hasSize(43);
        assertThat(created.body().path("singleUse").asBoolean()).isFalse();
        assertThat(Instant.parse(created.body().path("expiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(55 * 60), Instant.now().plusSeconds(61 * 60));
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT encode(token_hash, 'base64') || role || id FROM room_invitation")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).doesNotContain(token);
            }
        }
        Response listed = RoomFixtures.get(client, "/api/v1/rooms/" + roomId + "/invitations", TestUsers.as(MODERATOR));
        assertThat(listed.body().toString()).doesNotContain(token).contains(created.body().path("id").asString());
    }

    @Test
    void invitationSettingsAreValidated() {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");
        String path = "/api/v1/rooms/" + roomId + "/invitations";

        assertThat(post(client, path, TestUsers.as(MODERATOR), "{\"role\": \"moderator\"}").status()).isEqualTo(400);
        assertThat(post(client, path, TestUsers.as(MODERATOR), "{\"expiresInMinutes\": 0}").status()).isEqualTo(400);
        assertThat(post(client, path, TestUsers.as(MODERATOR), "{\"expiresInMinutes\": 100000000}").status()).isEqualTo(400);
        assertThat(post(client, path, TestUsers.as(MODERATOR), "{\"singleUse\": \"yes\"}").status()).isEqualTo(400);
        assertThat(post(client, path, TestUsers.as(MEMBER), "{}").status()).isEqualTo(403);
        assertThat(post(client, path, TestUsers.as(MODERATOR), "").status()).isEqualTo(201);
    }

    @Test
    void revokedInvitationIsListedAsRevoked() {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");
        Response created = post(client, "/api/v1/rooms/" + roomId + "/invitations", TestUsers.as(MODERATOR), "{}");
        String invitation = created.body().path("id").asString();

        Response revoked = RoomFixtures.delete(client, "/api/v1/rooms/" + roomId + "/invitations/" + invitation,
                TestUsers.as(MODERATOR));
        Response unknown = RoomFixtures.delete(client, "/api/v1/rooms/" + roomId
                + "/invitations/00000000-0000-0000-0000-000000000000", TestUsers.as(MODERATOR));

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode listed = RoomFixtures.get(client, "/api/v1/rooms/" + roomId + "/invitations", TestUsers.as(MODERATOR)).body();
        assertThat(listed.path("invitations").get(0).path("revokedAt").isNull()).isFalse();
    }

    @Test
    void joinTokenNeedsRoleInRoom() {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");
        String path = "/api/v1/rooms/" + roomId + "/join-tokens";

        Response member = post(client, path, TestUsers.as(MEMBER), "{}");
        Response outsider = post(client, path, TestUsers.as(OTHER_MEMBER), "{}");
        Response anonymous = post(client, path, null, "{}");

        assertThat(member.status()).isEqualTo(201);
        assertThat(member.body().path("role").asString()).isEqualTo("speaker");
        assertThat(member.body().path("token").asString()).hasSize(43);
        assertThat(member.body().path("signalPath").asString()).isEqualTo("/api/v1/rooms/" + roomId + "/signal");
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void recordingsListKeepsOnlyRetained() {
        String roomId = RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");
        execute("INSERT INTO room_recording (id, room_id, uri, started_by, started_at, stopped_at, delete_after) VALUES "
                + "('rec-kept', '" + roomId + "', 'file:///recordings/rec-kept.webm', 'm', now() - interval '2 hours', "
                + "now() - interval '1 hour', now() + interval '10 days'), "
                + "('rec-expired', '" + roomId + "', 'file:///recordings/rec-expired.webm', 'm', now() - interval '100 days', "
                + "now() - interval '99 days', now() - interval '1 day')");

        Response member = RoomFixtures.get(client, "/api/v1/rooms/" + roomId + "/recordings", TestUsers.as(MEMBER));
        Response outsider = RoomFixtures.get(client, "/api/v1/rooms/" + roomId + "/recordings", TestUsers.as(OTHER_MEMBER));

        assertThat(member.status()).isEqualTo(200);
        assertThat(member.body().path("recordings").findValuesAsString("id")).containsExactly("rec-kept");
        assertThat(outsider.status()).isEqualTo(403);
    }

    @Test
    void placesShowCooperativesWithRooms() {
        RoomFixtures.createRoom(client, TestUsers.as(MODERATOR), "");

        Response places = RoomFixtures.get(client, "/api/v1/rooms/places", null);

        assertThat(places.status()).isEqualTo(200);
        assertThat(places.body().path("type").asString()).isEqualTo("FeatureCollection");
        JsonNode feature = places.body().path("features").get(0);
        assertThat(feature.path("properties").path("cooperativeId").asLong()).isEqualTo(COOPERATIVE);
        assertThat(feature.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(105.6329);
        assertThat(feature.path("properties").path("roomCount").asLong()).isPositive();
        assertThat(places.body().toString()).as("no topic or account on the public map").doesNotContain("Tập huấn");
    }

    private static String validBody() {
        return "{\"cooperativeId\": 501, \"topic\": \"Họp\", \"startsAt\": \"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }
}
