package vn.langso.ui.analyses;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import vn.langso.ui.map.LangsoMap;

/**
 * Server side of {@code <langso-analysis-map>} ({@code src/main/frontend/analyses-map.js}): the backend's base map
 * with a choropleth of communes and the places found by a coverage analysis, both sent as GeoJSON from here.
 */
@Tag("langso-analysis-map")
@NpmPackage(value = "ol", version = LangsoMap.OPENLAYERS_VERSION)
@JsModule("./analyses-map.js")
public class AnalysisMap extends Component implements HasSize {

    public AnalysisMap() {
        setId("analysis-map");
    }

    /** Sets the backend base URL that the browser fetches the base map tiles from. */
    public void setBackendUrl(String backendUrl) {
        getElement().setProperty("backendUrl", backendUrl);
    }

    /** Draws communes filled with {@code properties.fill} and labelled with {@code properties.label}. */
    public void showChoropleth(String featureCollectionJson) {
        getElement().callJsFunction("showChoropleth", featureCollectionJson);
    }

    /** Draws the places beyond the analysis distance as red dots. */
    public void showBeyond(String featureCollectionJson) {
        getElement().callJsFunction("showBeyond", featureCollectionJson);
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }
}
