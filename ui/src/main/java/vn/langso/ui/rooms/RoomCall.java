package vn.langso.ui.rooms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server side of {@code <langso-room-call>} ({@code src/main/frontend/rooms-call.js}): the browser connects to the
 * backend's signalling WebSocket itself, so this class only sets where, with which credential and in which language.
 */
@Tag("langso-room-call")
@JsModule("./rooms-call.js")
public class RoomCall extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    RoomCall(URI signalUrl, Map<String, String> labels) {
        setId("room-call");
        getElement().setProperty("labelsJson", JSON.writeValueAsString(labels));
        // Set last: the element starts as soon as it has a signalling URL.
        getElement().setProperty("signalUrl", signalUrl.toString());
    }

    /** Joins with an invitation link's token as a guest with the given display name. */
    static RoomCall withInvitation(URI signalUrl, Map<String, String> labels, String invitation, String guestName) {
        RoomCall call = new RoomCall(signalUrl, labels);
        call.getElement().setProperty("invitation", invitation);
        call.getElement().setProperty("guestName", guestName);
        return call;
    }

    /** Joins with a member's single-use join token from {@code POST /api/v1/rooms/{id}/join-tokens}. */
    static RoomCall withToken(URI signalUrl, Map<String, String> labels, String token) {
        RoomCall call = new RoomCall(signalUrl, labels);
        call.getElement().setProperty("token", token);
        return call;
    }

    /** Returns the signalling WebSocket URL of the room under the backend's public base URL. */
    static URI signalUrl(URI backendPublicUrl, String roomId) {
        String base = backendPublicUrl.toString().replaceFirst("^http", "ws");
        return URI.create(base + "/api/v1/rooms/" + roomId + "/signal");
    }
}
