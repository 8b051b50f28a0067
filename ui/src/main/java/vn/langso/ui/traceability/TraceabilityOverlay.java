package vn.langso.ui.traceability;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * Server side of {@code <langso-traceability-overlay>} ({@code traceability-live.js}): draws EPCIS events on the main
 * map as they are captured, from the backend's live stream. It has no visible element of its own.
 */
@Tag("langso-traceability-overlay")
@JsModule("./traceability-live.js")
public class TraceabilityOverlay extends Component {

    /** Creates the overlay; the browser reads the live stream from the backend's public URL. */
    public TraceabilityOverlay(String backendPublicUrl) {
        setId("traceability-overlay");
        getElement().setProperty("backendUrl", backendPublicUrl);
    }
}
