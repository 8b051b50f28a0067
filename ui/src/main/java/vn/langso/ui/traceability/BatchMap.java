package vn.langso.ui.traceability;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * Server side of {@code <langso-batch-map>} ({@code traceability-batch-map.js}): a small OpenLayers map of a batch's
 * growing areas (polygons) and journey (a line with numbered stops), zoomed to fit them.
 */
@Tag("langso-batch-map")
@JsModule("./traceability-batch-map.js")
public class BatchMap extends Component implements HasSize {

    public BatchMap(String growingAreasGeoJson, String journeyGeoJson) {
        setId("batch-map");
        getElement().setProperty("areasJson", growingAreasGeoJson);
        getElement().setProperty("journeyJson", journeyGeoJson);
    }
}
