package vn.langso.ui.reports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/**
 * Server side of {@code <reports-live>} ({@code src/main/frontend/reports-live.js}): the browser listens to the
 * backend's live stream of report changes and sends an event to this component for each, without Vaadin push. The page
 * then re-reads the report through {@link ReportsClient}, so the API checks access as for any other read.
 */
@Tag("reports-live")
@JsModule("./reports-live.js")
public class ReportsLive extends Component {

    public ReportsLive(String backendUrl) {
        setId("reports-live");
        getElement().setProperty("backendUrl", backendUrl);
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** A report was created or updated; {@code status} is its new status. */
    @DomEvent("reports-live-change")
    public static class ChangeEvent extends ComponentEvent<ReportsLive> {

        private final long id;
        private final String type;
        private final String status;

        public ChangeEvent(ReportsLive source, boolean fromClient, @EventData("event.detail.id") String id,
                @EventData("event.detail.type") String type, @EventData("event.detail.status") String status) {
            super(source, fromClient);
            this.id = Long.parseLong(id);
            this.type = type;
            this.status = status;
        }

        public long id() {
            return id;
        }

        /** Returns {@code created} or {@code updated}. */
        public String type() {
            return type;
        }

        public String status() {
            return status;
        }
    }
}
