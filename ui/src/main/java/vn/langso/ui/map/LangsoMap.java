package vn.langso.ui.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.backend.BoundingBox;
import vn.langso.ui.backend.CommuneMatch;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.i18n.UiLanguage;

/**
 * Server side of {@code <langso-map>}, the OpenLayers map in {@code src/main/frontend/langso-map.js}. The browser
 * loads commune boundaries and point layers straight from the backend URL given here. This class only sets what to
 * show and in which language.
 */
@Tag("langso-map")
@NpmPackage(value = "ol", version = LangsoMap.OPENLAYERS_VERSION)
@JsModule("./langso-map.js")
public class LangsoMap extends Component implements HasSize {

    public static final String OPENLAYERS_VERSION = "10.11.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LangsoMap() {
        setId("langso-map");
    }

    /** Sets the backend base URL that the browser fetches communes and features from. */
    public void setBackendUrl(String backendUrl) {
        getElement().setProperty("backendUrl", backendUrl);
    }

    public void setLanguage(UiLanguage language) {
        getElement().setProperty("lang", language.code());
    }

    /** Sets the point layers to load, with their titles in the language, in drawing order (last on top). */
    public void setLayers(List<LayerSummary> layers, UiLanguage language) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (LayerSummary layer : layers) {
            entries.add(Map.of("name", layer.name(), "title", layer.title().in(language)));
        }
        getElement().setProperty("layersJson", JSON.writeValueAsString(entries));
    }

    /** Sets the texts that the map shows itself (popup labels, attribute names and values), keyed without "map.". */
    public void setLabels(Map<String, String> labels) {
        getElement().setProperty("labelsJson", JSON.writeValueAsString(new LinkedHashMap<>(labels)));
    }

    /** Shows only these point layers; the commune boundaries are always shown. */
    public void setVisibleLayers(Collection<String> layerNames) {
        getElement().setProperty("visibleLayers", String.join(",", layerNames));
    }

    /** Zooms to the commune's bounding box and highlights its boundary. */
    public void showCommune(CommuneMatch commune) {
        BoundingBox bbox = commune.bbox();
        getElement().callJsFunction("showCommune", commune.code(), bbox.west(), bbox.south(), bbox.east(), bbox.north());
    }

    public Registration addLoadFailedListener(ComponentEventListener<LoadFailedEvent> listener) {
        return addListener(LoadFailedEvent.class, listener);
    }

    /** Fired in the browser when communes or a layer could not be fetched from the backend. */
    @DomEvent("langso-map-load-failed")
    public static class LoadFailedEvent extends ComponentEvent<LangsoMap> {

        private final String url;
        private final String message;

        public LoadFailedEvent(LangsoMap source, boolean fromClient,
                @EventData("event.detail.url") String url,
                @EventData("event.detail.message") String message) {
            super(source, fromClient);
            this.url = url;
            this.message = message;
        }

        /** Returns the URL whose request failed. */
        public String url() {
            return url;
        }

        public String message() {
            return message;
        }
    }
}
