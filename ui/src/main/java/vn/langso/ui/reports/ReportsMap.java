package vn.langso.ui.reports;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.LangsoMap;

/**
 * Server side of {@code <reports-map>} ({@code src/main/frontend/reports-map.js}): the commune map with a picked
 * location and report points. The browser fetches the commune boundaries from the backend itself.
 */
@Tag("reports-map")
@NpmPackage(value = "ol", version = LangsoMap.OPENLAYERS_VERSION)
@JsModule("./reports-map.js")
public class ReportsMap extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A report drawn as a point; {@code title} is the label of the selected point. */
    public record Point(long id, double lon, double lat, String status, boolean overdue, String title) {
    }

    public ReportsMap(String backendUrl, UiLanguage language, Map<String, String> labels) {
        getElement().setProperty("backendUrl", backendUrl);
        getElement().setProperty("lang", language.code());
        getElement().setProperty("labelsJson", JSON.writeValueAsString(new LinkedHashMap<>(labels)));
    }

    /** Lets a click on the map pick the location. */
    public void setPicking(boolean picking) {
        getElement().setProperty("picking", picking);
    }

    /** Moves the marker to the point and centres the map on it. */
    public void setPoint(double lon, double lat) {
        getElement().setProperty("pointJson", JSON.writeValueAsString(Map.of("lon", lon, "lat", lat)));
    }

    public void setReports(List<Point> reports) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Point report : reports) {
            entries.add(Map.of("id", report.id(), "lon", report.lon(), "lat", report.lat(),
                    "status", report.status() == null ? "" : report.status(), "overdue", report.overdue(),
                    "title", report.title() == null ? "#" + report.id() : report.title()));
        }
        getElement().setProperty("reportsJson", JSON.writeValueAsString(entries));
    }

    /** Colours each commune by a count (open reports), darker for more; communes without a count stay uncoloured. */
    public void setChoropleth(Map<String, Long> countByCommuneCode) {
        getElement().setProperty("choroplethJson", JSON.writeValueAsString(new LinkedHashMap<>(countByCommuneCode)));
    }

    public void select(long id) {
        getElement().setProperty("selectedId", String.valueOf(id));
    }

    /** Asks the browser for the device position. The result arrives as a {@link PickedEvent} or a {@link LocateFailedEvent}. */
    public void locate() {
        getElement().callJsFunction("locate");
    }

    public Registration addPickedListener(ComponentEventListener<PickedEvent> listener) {
        return addListener(PickedEvent.class, listener);
    }

    public Registration addSelectedListener(ComponentEventListener<SelectedEvent> listener) {
        return addListener(SelectedEvent.class, listener);
    }

    public Registration addLocateFailedListener(ComponentEventListener<LocateFailedEvent> listener) {
        return addListener(LocateFailedEvent.class, listener);
    }

    /** The person picked a location on the map ({@code source} {@code map}) or from the device ({@code device}). */
    @DomEvent("reports-map-picked")
    public static class PickedEvent extends ComponentEvent<ReportsMap> {

        private final double lon;
        private final double lat;
        private final String source;
        private final double accuracyMetres;

        public PickedEvent(ReportsMap map, boolean fromClient, @EventData("event.detail.lon") double lon,
                @EventData("event.detail.lat") double lat, @EventData("event.detail.source") String source,
                @EventData("event.detail.accuracy") double accuracyMetres) {
            super(map, fromClient);
            this.lon = lon;
            this.lat = lat;
            this.source = source;
            this.accuracyMetres = accuracyMetres;
        }

        public double lon() {
            return lon;
        }

        public double lat() {
            return lat;
        }

        public boolean fromDevice() {
            return "device".equals(source);
        }

        /** Returns the device's stated accuracy in metres, or -1 for a point picked on the map. */
        public double accuracyMetres() {
            return accuracyMetres;
        }
    }

    /** A report point was clicked. */
    @DomEvent("reports-map-selected")
    public static class SelectedEvent extends ComponentEvent<ReportsMap> {

        private final long id;

        public SelectedEvent(ReportsMap map, boolean fromClient, @EventData("event.detail.id") String id) {
            super(map, fromClient);
            this.id = Long.parseLong(id);
        }

        public long id() {
            return id;
        }
    }

    /** The device position could not be found: {@code code} is denied, unavailable, timeout or unsupported. */
    @DomEvent("reports-map-locate-failed")
    public static class LocateFailedEvent extends ComponentEvent<ReportsMap> {

        private final String code;

        public LocateFailedEvent(ReportsMap map, boolean fromClient, @EventData("event.detail.code") String code) {
            super(map, fromClient);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
