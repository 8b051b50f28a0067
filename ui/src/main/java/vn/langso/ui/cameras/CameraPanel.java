package vn.langso.ui.cameras;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server side of {@code <langso-camera-panel>} ({@code src/main/frontend/cameras-panel.js}): the live chart of counts
 * by class, the latest snapshot and the violations of one camera. The browser reads counts and violations from the
 * backend itself; snapshots come through {@link SnapshotDownload} on this ui, which adds the signed-in user's token.
 */
@Tag("langso-camera-panel")
@JsModule("./cameras-panel.js")
public class CameraPanel extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CameraPanel(String backendUrl, String camera, Map<String, String> labels, CameraClient client) {
        setId("camera-panel");
        getElement().setProperty("labelsJson", JSON.writeValueAsString(labels));
        getElement().setProperty("backendUrl", backendUrl);
        getElement().setAttribute("snapshot-url", new SnapshotDownload(client));
        getElement().setProperty("camera", camera);
    }
}
