package vn.langso.ui.analyses;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.ui.backend.BackendClient;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.BackendErrorNotifier;
import vn.langso.ui.map.MapView;

/**
 * The planners' page: a choropleth of a layer's count, density or share by attribute per commune, and the places of
 * one layer farther than a distance from every place of another. The query string can start either analysis
 * ({@code ?layer=schools&measure=density}, {@code ?coverage=schools&target=clinics&distance=2000}), so a link shares
 * a result.
 */
@Route("analyses")
public class AnalysisView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AnalysisView.class);

    /** Places listed on the map by a coverage analysis; the counts in the table cover all of them. */
    static final int BEYOND_LIMIT = 1000;

    private final BackendClient backendClient;
    private final BackendProperties backendProperties;
    private final TranslationProvider translations;

    private UiLanguage language = UiLanguage.DEFAULT;
    private AnalysisTexts texts;
    private BackendErrorNotifier errorNotifier;
    private AnalysisMap map;
    private ChoroplethLegend legend;
    private final Paragraph summary = new Paragraph();
    private CommuneTable table;
    private List<LayerSummary> layers = List.of();
    /** The link of the current page address, which checks its share value once the values are fetched. */
    private AnalysisLink link;

    private ChoroplethForm choroplethForm;
    private CoverageForm coverageForm;

    public AnalysisView(BackendClient backendClient, BackendProperties backendProperties, TranslationProvider translations) {
        this.backendClient = backendClient;
        this.backendProperties = backendProperties;
        this.translations = translations;

        setSizeFull();
        setPadding(false);
        setSpacing(false);
        addClassName("langso-analysis-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UiLanguage chosen = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(chosen.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", chosen.code());
        showPage(chosen, event.getLocation().getQueryParameters().getParameters());
    }

    /**
     * Builds the page in the language and starts the analyses that the query parameters of the page address request.
     * When Vaadin reuses the view for a new query string, {@link #beforeEnter} calls this again on the same view.
     */
    void showPage(UiLanguage pageLanguage, Map<String, List<String>> query) {
        language = pageLanguage;
        removeAll();
        build();

        link = new AnalysisLink(query, layers, texts);
        link.choropleth().ifPresent(this::startChoropleth);
        link.coverage().ifPresent(this::startCoverage);
    }

    /**
     * Draws the choropleth that the link requests, unless it names an unknown layer, measure or attribute. The known
     * names still fill their fields, so that only the unknown ones are left to choose.
     */
    private void startChoropleth(AnalysisLink.Choropleth choropleth) {
        List<AnalysisLink.Problem> problems = new ArrayList<>(choropleth.problems());
        if (choropleth.layer().isEmpty()) {
            showProblems(problems);
            return;
        }
        String layer = choropleth.layer().get();
        choroplethForm.layer.setValue(layer);
        choropleth.measure().ifPresent(choroplethForm.measure::setValue);

        // Choosing the layer loads its attributes. When they failed to load, the page shows that failure and the
        // backend checks the name instead.
        Optional<AnalysisLink.Problem> unknownAttribute = choropleth.attribute()
                .flatMap(attribute -> choroplethForm.loadedAttributes()
                        .flatMap(attributes -> link.unknownAttribute(layer, attribute, attributes)));
        if (unknownAttribute.isPresent()) {
            problems.add(unknownAttribute.get());
        } else {
            choropleth.attribute().ifPresent(choroplethForm.attribute::setValue);
            choropleth.value().ifPresent(choroplethForm.value::setValue);
        }

        showProblems(problems);
        if (problems.isEmpty()) {
            showChoropleth(choropleth.value());
        }
    }

    /** Runs the coverage analysis that the link requests, unless it names an unknown layer. */
    private void startCoverage(AnalysisLink.Coverage coverage) {
        showProblems(coverage.problems());

        // The known names still fill their fields, so only the unknown one is left to choose.
        coverage.layer().ifPresent(coverageForm.layer::setValue);
        coverage.target().ifPresent(coverageForm.target::setValue);
        coverageForm.distance.setValue(coverage.distance());
        if (coverage.problems().isEmpty()) {
            showCoverage();
        }
    }

    /** Shows each problem of the link in its own notification, long enough to read the names listed in it. */
    private void showProblems(List<AnalysisLink.Problem> problems) {
        for (AnalysisLink.Problem problem : problems) {
            Notification notification = Notification.show(problem.message(), 12_000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            notification.setId("unknown-" + problem.parameter());
        }
    }

    @Override
    public String getPageTitle() {
        return text("analyses.title") + " — Làng Số";
    }

    private void build() {
        texts = new AnalysisTexts((key, params) -> translations.getTranslation(key, language.locale(), params), language);
        errorNotifier = new BackendErrorNotifier((key, params) -> translations.getTranslation(key, language.locale(), params));
        map = new AnalysisMap();
        map.setSizeFull();
        map.setBackendUrl(backendProperties.publicUrl().toString());
        loadLayers();

        List<String> layerNames = layers.stream().map(LayerSummary::name).toList();
        choroplethForm = new ChoroplethForm(this::text, texts, layerNames, this::layerTitle, this::loadAttributes,
                () -> showChoropleth(Optional.empty()));
        coverageForm = new CoverageForm(this::text, layerNames, this::layerTitle, this::showCoverage);
        VerticalLayout controls = new VerticalLayout(choroplethForm, coverageForm);
        controls.addClassName("langso-side-panel");
        controls.setWidth("20rem");
        controls.setHeightFull();

        legend = new ChoroplethLegend(this::text, language.locale());
        summary.setId("analysis-summary");
        // The header names the measure of the analysis shown, so drawCommunes sets it.
        table = new CommuneTable(this::text, language.locale(), texts.valueLabel(Measure.DENSITY, null, null));

        VerticalLayout results = new VerticalLayout(map, legend, summary, table);
        results.setSizeFull();
        results.setPadding(false);
        results.setFlexGrow(1, map);

        HorizontalLayout body = new HorizontalLayout(controls, results);
        body.setSizeFull();
        body.setSpacing(false);
        body.setFlexGrow(1, results);

        add(header(), body);
        setFlexGrow(1, body);
    }

    private HorizontalLayout header() {
        H1 title = new H1(text("analyses.title"));
        title.setId("app-title");
        Anchor back = new Anchor("./?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(), text("analyses.backToMap"));
        back.setId("back-to-map");
        HorizontalLayout header = new HorizontalLayout(title, back);
        header.addClassName("langso-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setFlexGrow(1, title);
        return header;
    }

    private void loadLayers() {
        try {
            layers = backendClient.analysisLayers();
        } catch (BackendUnavailableException | BackendResponseException e) {
            log.warn("Layer list unavailable for the analyses page: {}", e.getMessage());
            layers = List.of();
            errorNotifier.notifyFailure(e);
        }
    }

    /** Fetches the category attributes of a layer, or returns empty after showing why they failed to load. */
    private Optional<List<String>> loadAttributes(String layer) {
        try {
            JsonNode queryables = backendClient.getJson("/ogc/collections/" + layer + "/queryables", Map.of());
            return Optional.of(AnalysisResponses.categoryAttributes(queryables));
        } catch (BackendUnavailableException | BackendResponseException e) {
            log.warn("Queryables of layer {} unavailable: {}", layer, e.getMessage());
            errorNotifier.notifyFailure(e);
            return Optional.empty();
        }
    }

    /**
     * Fetches the per-commune figures of the chosen layer and draws them with a quantile legend.
     *
     * @param linkValue the share value that the link requests, checked against the values of the attribute
     */
    private void showChoropleth(Optional<String> linkValue) {
        String layer = choroplethForm.layer.getValue();
        String attribute = choroplethForm.attribute.getValue();
        Measure measure = choroplethForm.chosenMeasure();
        if (layer == null) {
            warn("analyses.error.missingLayer");
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("layer", layer);
        if (measure == Measure.SHARE) {
            if (attribute == null) {
                warn("analyses.error.missingAttribute");
                return;
            }
            parameters.put("attribute", attribute);
        }

        JsonNode collection = fetch("/api/v1/analyses/communes", parameters);
        if (collection == null) {
            return;
        }
        if (measure == Measure.SHARE && !chooseShareValue(collection, layer, linkValue)) {
            return;
        }
        String value = choroplethForm.value.getValue();
        List<CommuneFigures> rows = AnalysisResponses.communeFigures(collection, measure, value);
        String valueLabel = texts.valueLabel(measure, attribute, texts.attributeValueLabel(value));
        drawCommunes(collection, rows, valueLabel);
        summary.setText("");
        map.showBeyond("{\"type\": \"FeatureCollection\", \"features\": []}");
    }

    /**
     * Lists the attribute's values in the value field and chooses the link's value, the one chosen before, or the
     * first. Returns false, with the value left for the user to choose, when the link's value is not among them.
     */
    private boolean chooseShareValue(JsonNode collection, String layer, Optional<String> linkValue) {
        List<String> values = AnalysisResponses.shareValues(collection);
        String chosen = linkValue.orElse(choroplethForm.value.getValue());
        choroplethForm.value.setItems(values);

        Optional<AnalysisLink.Problem> unknownValue = linkValue
                .flatMap(value -> link.unknownValue(layer, choroplethForm.attribute.getValue(), value, values));
        if (unknownValue.isPresent()) {
            showProblems(List.of(unknownValue.get()));
            return false;
        }
        choroplethForm.value.setValue(values.contains(chosen) ? chosen : values.isEmpty() ? null : values.getFirst());
        return true;
    }

    /** Fetches the coverage of the chosen layers and shows the places beyond the distance over a choropleth of shares. */
    private void showCoverage() {
        String layer = coverageForm.layer.getValue();
        String target = coverageForm.target.getValue();
        Integer distance = coverageForm.distance.getValue();
        if (layer == null || target == null) {
            warn("analyses.error.missingLayer");
            return;
        }
        if (layer.equals(target)) {
            warn("analyses.error.sameLayers");
            return;
        }
        if (distance == null || distance < CoverageForm.MIN_DISTANCE || distance > CoverageForm.MAX_DISTANCE) {
            warn("analyses.error.distance");
            return;
        }

        JsonNode coverage = fetch("/api/v1/analyses/coverage", Map.of("layer", layer, "target", target,
                "distance", String.valueOf(distance), "limit", String.valueOf(BEYOND_LIMIT)));
        JsonNode outlines = coverage == null ? null : fetch("/api/v1/analyses/communes", Map.of("layer", layer));
        if (outlines == null) {
            return;
        }
        drawCommunes(outlines, AnalysisResponses.coverageFigures(coverage), texts.beyondShareLabel(distance));
        map.showBeyond(coverage.path("beyond").toString());
        summary.setText(texts.coverageSummary(coverage, layerTitle(layer), distance, layerTitle(target)));
    }

    /**
     * Colours the commune outlines of {@code collection} by the rows' values and fills the legend and table.
     *
     * @param valueLabel what the values are, as the legend title and the header of the value column
     */
    private void drawCommunes(JsonNode collection, List<CommuneFigures> rows, String valueLabel) {
        Map<String, CommuneFigures> byCode = new LinkedHashMap<>();
        rows.forEach(row -> byCode.put(row.code(), row));
        ChoroplethClasses classes = ChoroplethClasses.quantiles(rows.stream().mapToDouble(CommuneFigures::value).toArray());

        for (JsonNode feature : collection.path("features")) {
            ObjectNode properties = (ObjectNode) feature.path("properties");
            CommuneFigures row = byCode.get(properties.path("code").asString());
            properties.put("label", properties.path("name").asString());
            if (row != null) {
                properties.put("fill", classes.colourOf(row.value()));
            }
        }
        map.showChoropleth(collection.toString());
        boolean anyWithoutValue = rows.stream().anyMatch(row -> Double.isNaN(row.value()));
        legend.show(classes, valueLabel, anyWithoutValue);
        table.show(rows, valueLabel);
    }

    private JsonNode fetch(String path, Map<String, String> parameters) {
        try {
            return backendClient.getJson(path, parameters);
        } catch (BackendResponseException e) {
            log.warn("Analysis request {} rejected: {}", path, e.getMessage());
            Notification notification = Notification.show(translations.getTranslation("analyses.error.rejected",
                    language.locale(), e.detail()), 8000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        } catch (BackendUnavailableException e) {
            log.warn("Analysis request {} failed: {}", path, e.getMessage());
            errorNotifier.notifyFailure(e);
            return null;
        }
    }

    private void warn(String key) {
        Notification notification = Notification.show(text(key), 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }

    private String layerTitle(String name) {
        return layers.stream().filter(layer -> layer.name().equals(name)).findFirst()
                .map(texts::layerTitle).orElse(name);
    }

    private String text(String key) {
        return translations.getTranslation(key, language.locale());
    }
}
