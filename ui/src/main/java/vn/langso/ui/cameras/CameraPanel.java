package vn.langso.ui.cameras;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server side of {@code <langso-camera-panel>} ({@code src/main/frontend/cameras-panel.js}): the live chart of counts
 * by class, the latest snapshot and the violations of one camera, all read by the browser from the backend.
 */
@Tag("langso-camera-panel")
@JsModule("./cameras-panel.js")
public class CameraPanel extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CameraPanel(String backendUrl, String camera, Map<String, String> labels) {
        setId("camera-panel");
        getElement().setProperty("labelsJson", JSON.writeValueAsString(labels));
        getElement().setProperty("backendUrl", backendUrl);
        getElement().setProperty("camera", camera);
    }
}
