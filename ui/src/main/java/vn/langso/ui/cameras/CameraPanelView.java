package vn.langso.ui.cameras;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/** The page of one camera at {@code cameras/{id}}, where the id is the one its agent sends. */
@Route("cameras/:camera")
public class CameraPanelView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(CameraPanelView.class);
    /** Camera ids as the backend accepts them; anything else cannot name a camera. */
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final CameraClient cameras;
    private final BackendProperties backend;
    private final TranslationProvider translations;
    private UiLanguage language = UiLanguage.DEFAULT;
    private String title = "";

    public CameraPanelView(CameraClient cameras, BackendProperties backend, TranslationProvider translations) {
        this.cameras = cameras;
        this.backend = backend;
        this.translations = translations;
        addClassName("langso-camera-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());
        String key = event.getRouteParameters().get("camera").orElse("");
        removeAll();
        build(key);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void build(String key) {
        Anchor back = new Anchor("?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(), text("cameras.page.backToMap"));
        back.setId("camera-back");
        Anchor search = new Anchor("cameras/search?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(),
                text("cameras.search.title"));
        search.setId("camera-search-link");
        add(new HorizontalLayout(back, search));

        Optional<JsonNode> camera;
        try {
            camera = CAMERA_ID.matcher(key).matches() ? cameras.camera(key) : Optional.empty();
        } catch (BackendUnavailableException | BackendResponseException e) {
            log.warn("Camera {} unavailable: {}", key.replaceAll("[\\r\\n]", "_"), e.getMessage());
            title = text("cameras.page.title");
            Paragraph failure = new Paragraph(text("cameras.page.backendFailed"));
            failure.setId("camera-failed");
            add(new H1(title), failure);
            return;
        }
        if (camera.isEmpty()) {
            title = text("cameras.page.title");
            Paragraph missing = new Paragraph(translations.getTranslation("cameras.page.notFound", language.locale(), key));
            missing.setId("camera-not-found");
            add(new H1(title), missing);
            return;
        }

        JsonNode details = camera.get();
        title = details.path("name").asString(key);
        H1 heading = new H1(title);
        heading.setId("camera-title");
        String road = details.path("road").asString("");
        Paragraph place = new Paragraph(road.isBlank() ? key : road + " · " + key);
        place.setId("camera-place");
        CameraPanel panel = new CameraPanel(backend.publicUrl().toString(), key,
                translations.translationsWithPrefix("cameras.", language), cameras);
        panel.setWidthFull();
        add(heading, place, panel);
    }

    private String text(String key) {
        return translations.getTranslation(key, language.locale());
    }
}
