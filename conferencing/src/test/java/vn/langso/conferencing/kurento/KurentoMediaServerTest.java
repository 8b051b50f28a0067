package vn.langso.conferencing.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langso.conferencing.CloseReason;
import vn.langso.conferencing.IceCandidate;
import vn.langso.conferencing.MediaEvent;
import vn.langso.conferencing.MediaServerException;
import vn.langso.conferencing.MediaSession;
import vn.langso.conferencing.Recording;
import vn.langso.conferencing.kurento.FakeKurentoServer.Connection;
import vn.langso.conferencing.kurento.FakeKurentoServer.MediaObject;

/**
 * The real kurento-client against {@link FakeKurentoServer}: what a room creates, connects, records and
 * releases on the media server.
 *
 * <p>With the environment variable {@code LANGSO_KURENTO_URL} (or the system property
 * {@code langso.kurento.url}) set to a real server's address, for example {@code ws://127.0.0.1:8888/kurento},
 * the same tests run against that server instead: the checks of the server's internal state are then skipped, and
 * so are the tests that need the fake to restart or lose objects.
 */
class KurentoMediaServerTest {

    private static final String REAL_SERVER_URL =
            System.getProperty("langso.kurento.url", System.getenv("LANGSO_KURENTO_URL"));

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> PEOPLE = List.of("alice", "bob", "carol");

    private FakeKurentoServer fake;
    private KurentoMediaServer kurento;
    /** Candidates the media server sent, by endpoint: "alice" for a publisher, "bob<-alice" for a subscription. */
    private final Map<String, List<IceCandidate>> toBrowsers = new ConcurrentHashMap<>();
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFake() throws Exception {
        URI url;
        if (REAL_SERVER_URL == null || REAL_SERVER_URL.isBlank()) {
            fake = FakeKurentoServer.start(FakeKurentoServer.Mode.NORMAL);
            url = fake.url();
        } else {
            url = URI.create(REAL_SERVER_URL);
        }
        KurentoSettings settings = KurentoSettings.defaults(url)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5))
                .withStun("127.0.0.1", 3478)
                .withTurnUrl("langso:secret@127.0.0.1:3478")
                .withRecordingsFolder(URI.create("file:///tmp/langso-recordings"));
        kurento = new KurentoMediaServer(settings);
    }

    @AfterEach
    void stop() throws Exception {
        kurento.close();
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void threeParticipantsShareOnePipeline() {
        MediaSession room = open("htx-tan-thuan-tay");
        IceCandidate early = new IceCandidate("candidate:9 1 UDP 2122260223 127.0.0.1 50000 typ host", "0", 0);
        room.addIceCandidate("alice", null, early).block(WAIT);

        for (String person : PEOPLE) {
            String answer = room.publish(person, SampleOffers.publisher(person), collector(person)).block(WAIT);
            assertThat(answer).as("answer to %s", person).startsWith("v=0");
        }
        for (String subscriber : PEOPLE) {
            for (String publisher : PEOPLE) {
                if (!subscriber.equals(publisher)) {
                    room.subscribe(subscriber, publisher, SampleOffers.subscriber(subscriber),
                            collector(subscriber + "<-" + publisher)).block(WAIT);
                }
            }
        }

        if (fake != null) {
            assertServerHoldsNineEndpoints(early);
        }
        room.addIceCandidate("bob", "alice", early).block(WAIT);

        // Every endpoint's candidates reached its browser, so the events carried __module__ and __type__.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(toBrowsers).hasSize(9);
            assertThat(toBrowsers.values()).allSatisfy(list -> assertThat(list).isNotEmpty());
        });
        assertThat(toBrowsers.get("alice").getFirst().candidate()).contains("typ ");
        if (fake != null) {
            assertThat(toBrowsers.values()).allSatisfy(list -> assertThat(list).hasSize(2));
            assertThat(fake.invocations("addIceCandidate")).hasSize(2);
            assertThat(fake.sentEvents()).filteredOn(e -> e.contains("IceCandidateFound")).hasSize(18)
                    .allSatisfy(e -> assertThat(e).contains("\"__module__\":\"kurento\"",
                            "\"__type__\":\"IceCandidate\""));
        }

        Recording recording = room.startRecording().block(WAIT);
        String folder = "file:///tmp/langso-recordings/htx-tan-thuan-tay/" + recording.id() + "/";
        assertThat(recording.files()).extracting(URI::toString)
                .containsExactly(folder + "alice.webm", folder + "bob.webm", folder + "carol.webm");
        await().atMost(WAIT).until(() -> events.stream().anyMatch(MediaEvent.RecordingStarted.class::isInstance));
        if (fake != null) {
            assertThat(fake.liveObjects("RecorderEndpoint")).hasSize(3);
            assertThat(fake.invocations("record")).hasSize(3);
            assertThat(fake.liveConnections()).hasSize(9);
        }

        Recording stopped = room.stopRecording().block(WAIT);
        assertThat(stopped.isRunning()).isFalse();
        assertThat(stopped.files()).isEqualTo(recording.files());
        await().atMost(WAIT).until(() -> events.stream().anyMatch(MediaEvent.RecordingStopped.class::isInstance));
        if (fake != null) {
            assertThat(fake.invocations("stopAndWait")).hasSize(3);
            assertThat(fake.liveObjects("RecorderEndpoint")).isEmpty();
        }

        room.leave("alice").block(WAIT);
        if (fake != null) {
            assertThat(fake.liveObjects("WebRtcEndpoint")).hasSize(4);
            assertThat(fake.liveConnections()).hasSize(2);
        }
        room.leave("bob").block(WAIT);
        room.leave("carol").block(WAIT);
        if (fake != null) {
            assertThat(fake.liveObjects("WebRtcEndpoint")).isEmpty();
            assertThat(fake.liveObjects("MediaPipeline")).hasSize(1);
        }

        room.close(CloseReason.LAST_PARTICIPANT_LEFT).block(WAIT);
        assertThat(kurento.openRooms()).isZero();
        await().atMost(WAIT).until(() -> events.contains(
                new MediaEvent.Closed("htx-tan-thuan-tay", CloseReason.LAST_PARTICIPANT_LEFT)));
        if (fake != null) {
            assertThat(fake.liveObjects("MediaPipeline")).isEmpty();
            assertThat(fake.liveConnections()).isEmpty();
        }
    }

    /** Checks the fake's objects and calls after three publishers and six subscriptions. */
    private void assertServerHoldsNineEndpoints(IceCandidate early) {
        assertThat(fake.liveObjects("MediaPipeline")).hasSize(1);
        String pipeline = fake.liveObjects("MediaPipeline").getFirst().id();
        List<MediaObject> endpoints = fake.liveObjects("WebRtcEndpoint");
        assertThat(endpoints).hasSize(9);
        assertThat(endpoints).allSatisfy(e -> assertThat(e.pipelineId()).isEqualTo(pipeline));
        assertThat(fake.liveConnections()).hasSize(6);
        assertThat(fake.invocations("processOffer")).hasSize(9);
        assertThat(fake.invocations("gatherCandidates")).hasSize(9);
        assertThat(fake.invocations("setStunServerAddress")).hasSize(9);
        assertThat(fake.invocations("setTurnUrl")).hasSize(9);

        // Each subscription endpoint is fed by its publisher's endpoint and nothing else.
        List<String> publisherEndpoints = fake.invocations("processOffer").stream()
                .limit(3).map(FakeKurentoServer.Invocation::objectId).toList();
        for (Connection connection : fake.liveConnections()) {
            assertThat(publisherEndpoints).contains(connection.sourceId());
            assertThat(publisherEndpoints).doesNotContain(connection.sinkId());
        }

        // The early candidate waited for alice's endpoint to process her offer.
        assertThat(fake.invocations("addIceCandidate")).hasSize(1);
        assertThat(fake.invocations("addIceCandidate").getFirst().objectId()).isEqualTo(publisherEndpoints.getFirst());
        assertThat(fake.invocations("addIceCandidate").getFirst().params().getAsJsonObject("candidate")
                .get("candidate").getAsString()).isEqualTo(early.candidate());
        List<String> order = fake.invocations().stream()
                .filter(i -> i.objectId().equals(publisherEndpoints.getFirst()))
                .map(FakeKurentoServer.Invocation::operation)
                .toList();
        assertThat(order.indexOf("addIceCandidate")).isGreaterThan(order.indexOf("processOffer"));
    }

    @Test
    void subscribeBeforePublishFails() {
        MediaSession room = open("r1");

        assertThatThrownBy(() -> room.subscribe("bob", "alice", SampleOffers.subscriber("bob"), collector("bob<-alice"))
                .block(WAIT))
                .isInstanceOf(MediaServerException.class)
                .hasMessageContaining("alice has not published in room r1");
        if (fake != null) {
            assertThat(fake.liveObjects("WebRtcEndpoint")).isEmpty();
        }
    }

    @Test
    void secondRecordingIsRejected() {
        MediaSession room = open("r2");
        room.publish("alice", SampleOffers.publisher("alice"), collector("alice")).block(WAIT);
        room.startRecording().block(WAIT);

        assertThatThrownBy(() -> room.startRecording().block(WAIT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already being recorded");
        assertThat(fake.liveObjects("RecorderEndpoint")).hasSize(1);
    }

    @Test
    void republishFeedsExistingSubscribers() {
        assumeTrue(fake != null, "checks the fake's connections");
        MediaSession room = open("r3");
        room.publish("alice", SampleOffers.publisher("alice"), collector("alice")).block(WAIT);
        room.subscribe("bob", "alice", SampleOffers.subscriber("bob"), collector("bob<-alice")).block(WAIT);
        room.startRecording().block(WAIT);
        Connection before = fake.liveConnections().stream()
                .filter(c -> c.sinkId().endsWith("WebRtcEndpoint")).findFirst().orElseThrow();

        // alice's browser renegotiates, for example after switching from camera to screen.
        assertThat(room.publish("alice", SampleOffers.publisher("alice"), collector("alice")).block(WAIT))
                .startsWith("v=0");

        assertThat(fake.liveObjects("WebRtcEndpoint")).hasSize(2)
                .extracting(MediaObject::id).doesNotContain(before.sourceId());
        String newPublisher = fake.invocations("processOffer").getLast().objectId();
        assertThat(fake.liveConnections()).containsExactlyInAnyOrder(
                new Connection(newPublisher, before.sinkId()),
                new Connection(newPublisher, fake.liveObjects("RecorderEndpoint").getFirst().id()));
    }

    @Test
    void restartRebuildsRoom() {
        assumeTrue(fake != null, "needs the fake server to simulate a restart");
        MediaSession room = open("hoi-quan");
        for (String person : List.of("alice", "bob")) {
            room.publish(person, SampleOffers.publisher(person), collector(person)).block(WAIT);
        }
        room.subscribe("alice", "bob", SampleOffers.subscriber("alice"), collector("alice<-bob")).block(WAIT);
        room.subscribe("bob", "alice", SampleOffers.subscriber("bob"), collector("bob<-alice")).block(WAIT);
        room.startRecording().block(WAIT);
        String lostPipeline = fake.liveObjects("MediaPipeline").getFirst().id();

        fake.restart();

        await().atMost(WAIT).untilAsserted(() -> assertThat(renegotiations()).containsExactlyInAnyOrder(
                new MediaEvent.RenegotiationNeeded("hoi-quan", "alice", "alice"),
                new MediaEvent.RenegotiationNeeded("hoi-quan", "bob", "bob"),
                new MediaEvent.RenegotiationNeeded("hoi-quan", "alice", "bob"),
                new MediaEvent.RenegotiationNeeded("hoi-quan", "bob", "alice")));
        assertThat(fake.liveObjects("MediaPipeline")).hasSize(1)
                .allSatisfy(p -> assertThat(p.id()).isNotEqualTo(lostPipeline));
        assertThat(fake.liveObjects("WebRtcEndpoint")).hasSize(4);
        assertThat(fake.liveObjects("RecorderEndpoint")).hasSize(2);
        assertThat(fake.liveConnections()).hasSize(4);

        // The browsers' new offers go to the rebuilt endpoints instead of new ones.
        int offersBefore = fake.invocations("processOffer").size();
        assertThat(room.publish("alice", SampleOffers.publisher("alice"), collector("alice")).block(WAIT))
                .startsWith("v=0");
        assertThat(room.subscribe("bob", "alice", SampleOffers.subscriber("bob"), collector("bob<-alice"))
                .block(WAIT)).startsWith("v=0");
        assertThat(fake.invocations("processOffer")).hasSize(offersBefore + 2);
        assertThat(fake.liveObjects("WebRtcEndpoint")).hasSize(4);

        Recording stopped = room.stopRecording().block(WAIT);
        assertThat(stopped.files()).extracting(URI::toString)
                .filteredOn(file -> file.endsWith("-2.webm"))
                .hasSize(2)
                .anySatisfy(file -> assertThat(file).endsWith("/alice-2.webm"))
                .anySatisfy(file -> assertThat(file).endsWith("/bob-2.webm"));
        assertThat(stopped.files()).hasSize(4);
    }

    @Test
    void lostObjectsRebuildRoom() {
        assumeTrue(fake != null, "needs the fake server to drop its objects");
        MediaSession room = open("htx-lost");
        room.publish("alice", SampleOffers.publisher("alice"), collector("alice")).block(WAIT);
        room.publish("bob", SampleOffers.publisher("bob"), collector("bob")).block(WAIT);

        fake.dropObjects();

        assertThatThrownBy(() -> room.publish("carol", SampleOffers.publisher("carol"), collector("carol"))
                .block(WAIT))
                .isInstanceOf(MediaServerException.class)
                .hasMessageContaining("lost room htx-lost")
                .hasMessageContaining("renegotiate");
        await().atMost(WAIT).untilAsserted(() -> assertThat(renegotiations()).containsExactlyInAnyOrder(
                new MediaEvent.RenegotiationNeeded("htx-lost", "alice", "alice"),
                new MediaEvent.RenegotiationNeeded("htx-lost", "bob", "bob")));
        assertThat(fake.liveObjects("MediaPipeline")).hasSize(1);
        assertThat(fake.liveObjects("WebRtcEndpoint")).hasSize(2);

        // carol's retry after the rebuild succeeds on the new pipeline.
        assertThat(room.publish("carol", SampleOffers.publisher("carol"), collector("carol")).block(WAIT))
                .startsWith("v=0");
        assertThat(fake.liveObjects("WebRtcEndpoint")).hasSize(3);
    }

    private MediaSession open(String roomId) {
        MediaSession room = kurento.openRoom(roomId).block(WAIT);
        room.events().subscribe(events::add);
        return room;
    }

    private Consumer<IceCandidate> collector(String endpoint) {
        return candidate -> toBrowsers.computeIfAbsent(endpoint, key -> new CopyOnWriteArrayList<>()).add(candidate);
    }

    private List<MediaEvent.RenegotiationNeeded> renegotiations() {
        List<MediaEvent.RenegotiationNeeded> found = new ArrayList<>();
        for (MediaEvent event : events) {
            if (event instanceof MediaEvent.RenegotiationNeeded renegotiation) {
                found.add(renegotiation);
            }
        }
        return found;
    }
}
