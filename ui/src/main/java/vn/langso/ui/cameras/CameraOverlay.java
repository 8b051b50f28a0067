package vn.langso.ui.cameras;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/**
 * Server side of {@code <langso-camera-overlay>} ({@code src/main/frontend/cameras-overlay.js}): the cameras with their
 * live status and hourly counts drawn on the page's {@code <langso-map>}. The browser reads cameras and live events
 * from the backend itself.
 */
@Tag("langso-camera-overlay")
@JsModule("./cameras-overlay.js")
public class CameraOverlay extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CameraOverlay(String backendUrl, Map<String, String> labels, UiLanguage language) {
        setId("camera-overlay");
        getElement().setProperty("backendUrl", backendUrl);
        getElement().setProperty("labelsJson", JSON.writeValueAsString(labels));
        getElement().setProperty("lang", language.code());
    }

    /** Sets whether clicking a camera opens its page (default true). */
    public void setLinkToPanel(boolean linkToPanel) {
        getElement().setProperty("linkToPanel", linkToPanel);
    }

    /** Creates the overlay for the map page in the language. */
    public static CameraOverlay forMap(BackendProperties backend, TranslationProvider translations, UiLanguage language) {
        return new CameraOverlay(backend.publicUrl().toString(), translations.translationsWithPrefix("cameras.", language),
                language);
    }
}
