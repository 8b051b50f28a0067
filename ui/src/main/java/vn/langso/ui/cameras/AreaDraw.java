package vn.langso.ui.cameras;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * Server side of {@code <langso-area-draw>} ({@code src/main/frontend/cameras-area.js}): a polygon drawn on the page's
 * {@code <langso-map>}, kept here as GeoJSON text for the detection search.
 */
@Tag("langso-area-draw")
@JsModule("./cameras-area.js")
public class AreaDraw extends Component {

    private String geoJson = "";

    public AreaDraw() {
        setId("area-draw");
        addListener(AreaDrawnEvent.class, event -> geoJson = event.geoJson() == null ? "" : event.geoJson());
    }

    /** Returns the drawn polygon as GeoJSON in WGS 84, or an empty string when none is drawn. */
    public String geoJson() {
        return geoJson;
    }

    /** Removes the drawn polygon from the map. */
    public void clear() {
        geoJson = "";
        getElement().callJsFunction("clear");
    }

    /** Fired in the browser when a polygon was drawn or cleared. */
    @DomEvent("langso-area-drawn")
    public static class AreaDrawnEvent extends ComponentEvent<AreaDraw> {

        private final String geoJson;

        public AreaDrawnEvent(AreaDraw source, boolean fromClient, @EventData("event.detail.geojson") String geoJson) {
            super(source, fromClient);
            this.geoJson = geoJson;
        }

        public String geoJson() {
            return geoJson;
        }
    }
}
