package vn.langso.backend.rooms;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON messages the server sends; the protocol is described in docs/api/rooms-signalling.md. */
final class Messages {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Messages() {
    }

    static ObjectNode of(String type) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", type);
        return message;
    }

    static ObjectNode error(String code, String text) {
        return of("error").put("code", code).put("message", text);
    }

    static ObjectNode ping() {
        return of("ping").put("at", Instant.now().toString());
    }

    /** Describes a participant as the others see it: no account id, nothing but what the room shows. */
    static ObjectNode participant(Peer peer) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", peer.id());
        node.put("name", peer.displayName());
        node.put("role", RoomRepository.roleName(peer.role()));
        node.put("handRaised", peer.handRaised);
        node.put("audio", peer.audio);
        node.put("video", peer.video);
        node.put("screen", peer.screen);
        node.put("bandwidthMode", peer.bandwidthMode);
        return node;
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
