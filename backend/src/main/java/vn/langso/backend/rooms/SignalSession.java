package vn.langso.backend.rooms;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.backend.security.CurrentUser;
import vn.langso.conferencing.IceCandidate;
import vn.langso.conferencing.ParticipantRole;

/**
 * The messages of one signalling connection, handled one at a time in arrival order: first {@code join}, then
 * everything a participant may send. Failures become {@code error} messages; fatal ones end the connection.
 */
final class SignalSession {

    private static final Logger log = LoggerFactory.getLogger(SignalSession.class);

    private static final Set<String> BANDWIDTH_MODES = Set.of("off", "audio-only", "low-video");
    private static final Set<String> MEDIA_KINDS = Set.of("audio", "video");

    private final UUID roomId;
    private final CurrentUser user;
    private final Peer peer;
    private final JoinAuthenticator authenticator;
    private final LiveRooms liveRooms;
    private final RoomRepository repository;
    private final RoomsProperties properties;
    /** Set by the join; read and written only by the message pipeline, which handles one message at a time. */
    private LiveRoom room;

    SignalSession(UUID roomId, CurrentUser user, Peer peer, JoinAuthenticator authenticator, LiveRooms liveRooms,
            RoomRepository repository, RoomsProperties properties) {
        this.roomId = roomId;
        this.user = user;
        this.peer = peer;
        this.authenticator = authenticator;
        this.liveRooms = liveRooms;
        this.repository = repository;
        this.properties = properties;
    }

    LiveRoom room() {
        return room;
    }

    /** Handles one text message; never fails, because errors are sent to the client instead. */
    Mono<Void> handle(String text) {
        return Mono.defer(() -> dispatch(text))
                .onErrorResume(SignalException.class, error -> {
                    peer.send(Messages.error(error.code(), error.getMessage()));
                    if (error.isFatal()) {
                        peer.end(error.code());
                    }
                    return Mono.empty();
                })
                .onErrorResume(error -> {
                    log.error("Signalling message of participant {} in room {} failed", peer.id(), roomId, error);
                    peer.send(Messages.error(SignalCodes.MEDIA_FAILED, "The server failed to handle the message; "
                            + "the error is logged. Try again."));
                    return Mono.empty();
                });
    }

    private Mono<Void> dispatch(String text) {
        if (roomId == null) {
            throw SignalException.fatal(SignalCodes.ROOM_NOT_FOUND, "The path must be /api/v1/rooms/{id}/signal with "
                    + "the room's UUID.");
        }
        if (text.length() > properties.maxMessageBytes()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "The message has " + text.length()
                    + " characters; the maximum is " + properties.maxMessageBytes() + ".");
        }
        JsonNode message;
        try {
            message = Messages.JSON.readTree(text);
        } catch (JacksonException e) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "The message is not valid JSON; send one JSON "
                    + "object with a type member.");
        }
        if (message == null || !message.isObject() || !message.path("type").isString()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "The message must be a JSON object with a string "
                    + "type member.");
        }
        String type = message.path("type").asString();
        if (type.equals("pong")) {
            return Mono.empty();
        }
        if (type.equals("leave")) {
            peer.end("left");
            return Mono.empty();
        }
        if (type.equals("join")) {
            return join(message);
        }
        if (room == null) {
            throw SignalException.of(SignalCodes.JOIN_REQUIRED, "Send a join message first.");
        }
        if (peer.state() != Peer.State.JOINED) {
            throw SignalException.of(SignalCodes.NOT_ADMITTED, "You wait in the lobby until a moderator admits you; "
                    + "only pong and leave are accepted until then.");
        }
        return switch (type) {
            case "offer", "answer" -> relayDescription(type, (ObjectNode) message);
            case "ice" -> ice((ObjectNode) message);
            case "publish" -> publish(message);
            case "subscribe" -> subscribe(message);
            case "chat" -> chat(message);
            case "raise-hand" -> raiseHand(message);
            case "media-state" -> mediaState(message);
            case "low-bandwidth" -> lowBandwidth(message);
            case "mute" -> mute(message);
            case "remove" -> remove(message);
            case "admit" -> decide(message, true);
            case "reject" -> decide(message, false);
            case "recording-start" -> startRecording();
            case "recording-stop" -> stopRecording();
            default -> throw SignalException.of(SignalCodes.UNKNOWN_TYPE, "Unknown message type '"
                    + RoomInput.clip(type) + "'; the protocol is described in docs/api/rooms-signalling.md.");
        };
    }

    private Mono<Void> join(JsonNode message) {
        if (room != null) {
            throw SignalException.of(SignalCodes.ALREADY_JOINED, "This connection has already joined; open a new "
                    + "WebSocket to join again.");
        }
        return authenticator.authenticate(roomId, user, message)
                .flatMap(admission -> {
                    peer.identify(admission.displayName(), admission.accountId(), admission.role());
                    Mono<Long> lobbyEntry = admission.lobby()
                            ? repository.insertLobbyEntry(roomId, admission.invitationId(), admission.displayName())
                            : Mono.just(0L);
                    return lobbyEntry.flatMap(entryId -> enter(admission.lobby(), entryId, 3));
                });
    }

    /** Enters the open room, opening it again when its last peer left between the lookup and the entry. */
    private Mono<Void> enter(boolean lobby, long entryId, int attempts) {
        return liveRooms.open(roomId)
                .onErrorMap(error -> !(error instanceof SignalException), error -> SignalException.fatal(
                        SignalCodes.MEDIA_FAILED, "The room's media could not be opened: " + error.getMessage()))
                .flatMap(opened -> {
                    room = opened;
                    boolean entered;
                    if (lobby) {
                        peer.enterLobby(entryId);
                        entered = opened.enterLobby(peer);
                    } else {
                        entered = opened.admit(peer);
                    }
                    if (entered) {
                        return Mono.<Void>empty();
                    }
                    room = null;
                    if (attempts <= 1) {
                        return Mono.error(SignalException.fatal(SignalCodes.MEDIA_FAILED,
                                "The room closed while you joined; join again."));
                    }
                    return enter(lobby, entryId, attempts - 1);
                });
    }

    private Mono<Void> relayDescription(String type, ObjectNode message) {
        requireRelayOnly(type);
        String to = requiredText(message, "to");
        String sdp = requiredText(message, "sdp");
        if (peer.role() == ParticipantRole.LISTENER && sendsMedia(sdp)) {
            throw SignalException.of(SignalCodes.FORBIDDEN, "Listeners receive only: mark every media section of the "
                    + type + " recvonly or inactive.");
        }
        room.relay(peer, to, message);
        return Mono.empty();
    }

    private Mono<Void> ice(ObjectNode message) {
        JsonNode candidate = message.path("candidate");
        if (!candidate.isObject() || !candidate.path("candidate").isString()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "ice needs a candidate object with a candidate "
                    + "string, as RTCIceCandidate.toJSON() gives.");
        }
        if (room.isRelayOnly()) {
            room.relay(peer, requiredText(message, "to"), message);
            return Mono.empty();
        }
        String publisher = message.path("publisher").isString() ? message.path("publisher").asString() : null;
        IceCandidate ice = new IceCandidate(candidate.path("candidate").asString(),
                candidate.path("sdpMid").isString() ? candidate.path("sdpMid").asString() : null,
                Math.max(0, candidate.path("sdpMLineIndex").asInt(0)));
        return room.media().addIceCandidate(peer.id(), publisher == null || publisher.equals(peer.id()) ? null : publisher, ice);
    }

    private Mono<Void> publish(JsonNode message) {
        requireMediaServer("publish");
        if (!peer.role().canPublish()) {
            throw SignalException.of(SignalCodes.FORBIDDEN, "Listeners cannot publish; ask a moderator to make you a speaker.");
        }
        String sdp = requiredText(message, "sdp");
        return room.media().publish(peer.id(), sdp, candidate -> peer.send(iceToBrowser(peer.id(), candidate)))
                .doOnNext(answer -> peer.send(Messages.of("answer").put("publisher", peer.id()).put("sdp", answer)))
                .then();
    }

    private Mono<Void> subscribe(JsonNode message) {
        requireMediaServer("subscribe");
        String publisher = requiredText(message, "publisher");
        room.participant(publisher);
        String sdp = requiredText(message, "sdp");
        return room.media().subscribe(peer.id(), publisher, sdp, candidate -> peer.send(iceToBrowser(publisher, candidate)))
                .doOnNext(answer -> peer.send(Messages.of("answer").put("publisher", publisher).put("sdp", answer)))
                .then();
    }

    private Mono<Void> chat(JsonNode message) {
        String text = RoomInput.cleanText(message.path("text").asString(""));
        if (text.isEmpty() || text.length() > properties.maxChatLength()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "A chat message needs a text of 1 to "
                    + properties.maxChatLength() + " characters.");
        }
        room.broadcast(Messages.of("chat").put("from", peer.id()).put("name", peer.displayName()).put("text", text)
                .put("at", Instant.now().toString()));
        return Mono.empty();
    }

    private Mono<Void> raiseHand(JsonNode message) {
        peer.handRaised = message.path("raised").asBoolean(true);
        room.broadcast(Messages.of("hand").put("participant", peer.id()).put("raised", peer.handRaised));
        return Mono.empty();
    }

    private Mono<Void> mediaState(JsonNode message) {
        peer.audio = message.path("audio").asBoolean(peer.audio);
        peer.video = message.path("video").asBoolean(peer.video);
        peer.screen = message.path("screen").asBoolean(peer.screen);
        ObjectNode update = Messages.of("media-state");
        update.set("participant", Messages.participant(peer));
        room.broadcastExcept(update, peer);
        return Mono.empty();
    }

    private Mono<Void> lowBandwidth(JsonNode message) {
        String mode = message.path("mode").asString("");
        if (!BANDWIDTH_MODES.contains(mode)) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "low-bandwidth mode '" + RoomInput.clip(mode)
                    + "' is unknown; use off, audio-only or low-video.");
        }
        peer.bandwidthMode = mode;
        room.broadcast(Messages.of("low-bandwidth").put("participant", peer.id()).put("mode", mode));
        return Mono.empty();
    }

    private Mono<Void> mute(JsonNode message) {
        requireModerator("mute others");
        Peer target = room.participant(requiredText(message, "participant"));
        String kind = message.path("kind").asString("audio");
        if (!MEDIA_KINDS.contains(kind)) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "mute kind '" + RoomInput.clip(kind)
                    + "' is unknown; use audio or video.");
        }
        if (kind.equals("audio")) {
            target.audio = false;
        } else {
            target.video = false;
        }
        room.broadcast(Messages.of("muted").put("participant", target.id()).put("kind", kind).put("by", peer.id()));
        log.info("Moderator {} muted the {} of participant {} in room {}", peer.id(), kind, target.id(), roomId);
        return Mono.empty();
    }

    private Mono<Void> remove(JsonNode message) {
        requireModerator("remove others");
        Peer target = room.participant(requiredText(message, "participant"));
        target.send(Messages.of("removed").put("by", peer.id()));
        target.end("removed");
        log.info("Moderator {} removed participant {} from room {}", peer.id(), target.id(), roomId);
        return Mono.empty();
    }

    private Mono<Void> decide(JsonNode message, boolean admit) {
        requireModerator(admit ? "admit guests" : "reject guests");
        room.decide(peer, requiredText(message, "participant"), admit);
        return Mono.empty();
    }

    private Mono<Void> startRecording() {
        requireModerator("start recordings");
        if (room.isRelayOnly()) {
            throw SignalException.of(SignalCodes.RECORDING_UNAVAILABLE, "This room runs peer-to-peer without a media "
                    + "server, so it cannot be recorded.");
        }
        room.setRecordingRequestedBy(peer.accountId() == null ? peer.displayName() : peer.accountId());
        return room.media().startRecording()
                .onErrorMap(IllegalStateException.class, error -> SignalException.of(SignalCodes.RECORDING_UNAVAILABLE,
                        "A recording already runs in this room."))
                .then();
    }

    private Mono<Void> stopRecording() {
        requireModerator("stop recordings");
        if (room.isRelayOnly()) {
            throw SignalException.of(SignalCodes.RECORDING_UNAVAILABLE, "This room runs peer-to-peer and records nothing.");
        }
        return room.media().stopRecording().then();
    }

    private void requireModerator(String action) {
        if (!RoomAccess.canModerate(peer.role())) {
            throw SignalException.of(SignalCodes.FORBIDDEN, "Only moderators may " + action + "; you are a "
                    + RoomRepository.roleName(peer.role()) + ".");
        }
    }

    private void requireRelayOnly(String type) {
        if (!room.isRelayOnly()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "This room runs through a media server: send "
                    + "publish and subscribe instead of " + type + ".");
        }
    }

    private void requireMediaServer(String type) {
        if (room.isRelayOnly()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, "This room runs peer-to-peer: send offer, answer "
                    + "and ice to other participants instead of " + type + ".");
        }
    }

    private static String requiredText(JsonNode message, String member) {
        JsonNode node = message.path(member);
        if (!node.isString() || node.asString().isEmpty()) {
            throw SignalException.of(SignalCodes.INVALID_MESSAGE, message.path("type").asString() + " needs a "
                    + member + " string.");
        }
        return node.asString();
    }

    /** Returns whether an SDP sends media, that is whether any media section is marked sendrecv or sendonly. */
    static boolean sendsMedia(String sdp) {
        return sdp.lines().anyMatch(line -> line.equals("a=sendrecv") || line.equals("a=sendonly"));
    }

    private static ObjectNode iceToBrowser(String publisher, IceCandidate candidate) {
        ObjectNode message = Messages.of("ice").put("publisher", publisher);
        ObjectNode value = message.putObject("candidate");
        value.put("candidate", candidate.candidate());
        if (candidate.sdpMid() != null) {
            value.put("sdpMid", candidate.sdpMid());
        }
        value.put("sdpMLineIndex", candidate.sdpMLineIndex());
        return message;
    }
}
