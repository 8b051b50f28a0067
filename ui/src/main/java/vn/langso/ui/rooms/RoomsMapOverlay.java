package vn.langso.ui.rooms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cooperatives with meeting rooms drawn on {@code <langso-map>} at their place, from the backend's public
 * {@code /api/v1/rooms/places}; the browser side is {@code src/main/frontend/rooms-map-overlay.js}.
 */
@Tag("langso-rooms-overlay")
@JsModule("./rooms-map-overlay.js")
public class RoomsMapOverlay extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RoomsMapOverlay(String backendUrl, Map<String, String> labels) {
        getElement().setProperty("labelsJson", JSON.writeValueAsString(labels));
        getElement().setProperty("backendUrl", backendUrl);
        getElement().getStyle().set("display", "none");
    }
}
