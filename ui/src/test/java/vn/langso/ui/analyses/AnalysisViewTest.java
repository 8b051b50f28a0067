package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.ui.backend.BackendClient;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.backend.LocalizedText;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/**
 * The analyses page without a browser: which backend requests a link causes when Vaadin reuses the view for a new
 * query string. The backend is a recording stand-in, so the requests are counted exactly.
 */
class AnalysisViewTest {

    /** A backend address that is never contacted, because the stand-in overrides every request that the page makes. */
    private static final BackendProperties PROPERTIES = new BackendProperties(URI.create("http://127.0.0.1:9"), null, null);

    private static final List<LayerSummary> LAYERS = List.of(
            new LayerSummary("schools", new LocalizedText("Trường học", "Schools"), null, "Point", 5),
            new LayerSummary("clinics", new LocalizedText("Cơ sở y tế", "Health facilities"), null, "Point", 7));

    private final RecordingBackend backend = new RecordingBackend();
    /** Kept in a field, because Vaadin keeps only a weak reference to the current UI. */
    private final UI ui = new UI();
    private AnalysisView view;

    @BeforeEach
    void openPage() {
        UI.setCurrent(ui);
        view = new AnalysisView(backend, PROPERTIES, new TranslationProvider());
    }

    @AfterEach
    void closePage() {
        UI.setCurrent(null);
    }

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return query;
    }

    @Test
    void reusedViewLoadsAttributesOnce() {
        view.showPage(UiLanguage.VI, query("layer", "schools", "measure", "nope"));
        view.showPage(UiLanguage.VI, query("layer", "clinics", "measure", "nope"));
        view.showPage(UiLanguage.EN, query("layer", "schools", "measure", "nope"));

        assertThat(backend.requests).containsExactly("/ogc/collections/schools/queryables",
                "/ogc/collections/clinics/queryables", "/ogc/collections/schools/queryables");
    }

    @Test
    void unknownMeasureNotSent() {
        view.showPage(UiLanguage.VI, query("layer", "schools", "measure", "nope"));

        assertThat(backend.requests).containsExactly("/ogc/collections/schools/queryables");
    }

    @Test
    void unknownAttributeNotSent() {
        view.showPage(UiLanguage.VI, query("layer", "schools", "measure", "share", "attribute", "nope", "value", "primary"));

        assertThat(backend.requests).containsExactly("/ogc/collections/schools/queryables");
    }

    @Test
    void knownAttributeSent() {
        view.showPage(UiLanguage.VI, query("layer", "schools", "measure", "share", "attribute", "school_level"));

        assertThat(backend.requests).containsExactly("/ogc/collections/schools/queryables",
                "/api/v1/analyses/communes?attribute=school_level&layer=schools");
    }

    /** Returns the layers, queryables with one category attribute, and fails every other request after recording it. */
    private static final class RecordingBackend extends BackendClient {

        /** Each request's path, with its query parameters in alphabetical order. */
        final List<String> requests = new ArrayList<>();

        RecordingBackend() {
            super(PROPERTIES);
        }

        @Override
        public List<LayerSummary> analysisLayers() {
            return LAYERS;
        }

        @Override
        public JsonNode getJson(String path, Map<String, String> parameters) {
            StringBuilder request = new StringBuilder(path);
            new TreeMap<>(parameters).forEach((name, value) ->
                    request.append(request.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value));
            requests.add(request.toString());
            if (path.endsWith("/queryables")) {
                return JsonMapper.builder().build().readTree("""
                        {"properties": {"name": {"type": "string"}, "school_level": {"type": "string"}}}""");
            }
            throw new BackendUnavailableException(PROPERTIES.url(), URI.create(PROPERTIES.url() + path),
                    new IOException("the test backend only records this request"));
        }
    }
}
