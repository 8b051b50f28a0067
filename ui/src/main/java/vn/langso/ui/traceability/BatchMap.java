package vn.langso.ui.traceability;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * Server side of {@code <langso-batch-map>} ({@code traceability-batch-map.js}): a small OpenLayers map of a batch's
 * growing areas (polygons) and journey (a line with numbered stops) over the commune boundaries, zoomed to fit the
 * batch.
 */
@Tag("langso-batch-map")
@JsModule("./traceability-batch-map.js")
public class BatchMap extends Component implements HasSize {

    /** Creates the map; the browser loads commune boundaries from the backend's public URL. */
    public BatchMap(String backendPublicUrl, String growingAreasGeoJson, String journeyGeoJson) {
        setId("batch-map");
        getElement().setProperty("backendUrl", backendPublicUrl);
        getElement().setProperty("areasJson", growingAreasGeoJson);
        getElement().setProperty("journeyJson", journeyGeoJson);
    }
}
