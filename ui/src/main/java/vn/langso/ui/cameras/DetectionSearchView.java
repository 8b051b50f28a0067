package vn.langso.ui.cameras;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.LangsoMap;
import vn.langso.ui.map.MapView;

/**
 * The search of past detections at {@code cameras/search}: by class, dominant colour, camera, time window, a box or an
 * area drawn on the map.
 * The backend serves detections to officials only, so the page explains a 401 or 403 instead of showing results.
 */
@Route("cameras/search")
public class DetectionSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final List<String> CLASSES = List.of("motorbike", "car", "bus", "truck", "bicycle", "person");
    static final List<String> COLOURS = List.of("white", "black", "grey", "red", "orange", "yellow", "green", "cyan",
            "blue", "purple", "pink", "brown");
    /** Times typed on the page are in the province's time zone. */
    static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CameraClient cameras;
    private final BackendProperties backend;
    private final TranslationProvider translations;
    private UiLanguage language = UiLanguage.DEFAULT;

    public DetectionSearchView(CameraClient cameras, BackendProperties backend, TranslationProvider translations) {
        this.cameras = cameras;
        this.backend = backend;
        this.translations = translations;
        addClassName("langso-detection-search");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());
        removeAll();
        build();
    }

    @Override
    public String getPageTitle() {
        return text("cameras.search.title");
    }

    private void build() {
        Anchor back = new Anchor("?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(), text("cameras.page.backToMap"));
        H1 heading = new H1(text("cameras.search.title"));
        heading.setId("search-title");

        MultiSelectComboBox<String> classes = new MultiSelectComboBox<>(text("cameras.search.class"), CLASSES);
        classes.setItemLabelGenerator(value -> text("cameras.class." + value));
        classes.setId("search-class");
        ComboBox<String> colour = new ComboBox<>(text("cameras.search.colour"), COLOURS);
        colour.setItemLabelGenerator(value -> text("cameras.colour." + value));
        colour.setId("search-colour");
        TextField camera = new TextField(text("cameras.search.camera"));
        camera.setId("search-camera");
        camera.setMaxLength(128);
        DateTimePicker from = new DateTimePicker(text("cameras.search.from"));
        from.setValue(LocalDateTime.now(PROVINCE_ZONE).minusDays(1).withSecond(0).withNano(0));
        from.setId("search-from");
        DateTimePicker to = new DateTimePicker(text("cameras.search.to"));
        to.setValue(LocalDateTime.now(PROVINCE_ZONE).plusMinutes(1).withSecond(0).withNano(0));
        to.setId("search-to");
        TextField bbox = new TextField(text("cameras.search.bbox"));
        bbox.setPlaceholder("105.5,10.3,105.8,10.6");
        bbox.setHelperText(text("cameras.search.bboxHelp"));
        bbox.setId("search-bbox");

        LangsoMap map = new LangsoMap();
        map.setBackendUrl(backend.publicUrl().toString());
        map.setLanguage(language);
        map.setLabels(translations.translationsWithPrefix("map.", language));
        map.setLayers(List.of(), language);
        map.setWidthFull();
        map.setHeight("22rem");
        CameraOverlay overlay = CameraOverlay.forMap(backend, translations, language);
        overlay.setLinkToPanel(false);
        AreaDraw area = new AreaDraw();
        Paragraph areaHelp = new Paragraph(text("cameras.search.areaHelp"));
        Button clearArea = new Button(text("cameras.search.clearArea"), event -> area.clear());
        clearArea.addThemeVariants(ButtonVariant.TERTIARY);
        clearArea.setId("search-clear-area");

        Paragraph status = new Paragraph();
        status.setId("search-status");
        Grid<JsonNode> results = resultsGrid();

        Button search = new Button(text("cameras.search.button"), event -> {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("class", String.join(",", classes.getSelectedItems()));
            parameters.put("colour", colour.getValue());
            parameters.put("camera", camera.getValue().strip());
            parameters.put("bbox", bbox.getValue().strip());
            parameters.put("area", area.geoJson());
            if (from.getValue() != null) {
                parameters.put("from", from.getValue().atZone(PROVINCE_ZONE).toInstant().toString());
            }
            if (to.getValue() != null) {
                parameters.put("to", to.getValue().atZone(PROVINCE_ZONE).toInstant().toString());
            }
            runSearch(parameters, status, results);
        });
        search.addThemeVariants(ButtonVariant.PRIMARY);
        search.setId("search-button");

        FlexLayout form = new FlexLayout(classes, colour, camera, from, to, bbox, search);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "0.75rem");

        Paragraph note = new Paragraph(text("cameras.search.note"));
        add(back, heading, note, areaHelp, map, overlay, area, clearArea, form, status, results);
    }

    private void runSearch(Map<String, String> parameters, Paragraph status, Grid<JsonNode> results) {
        CameraClient.Reply reply;
        try {
            reply = cameras.searchDetections(parameters);
        } catch (BackendUnavailableException e) {
            show(status, "failed", text("cameras.page.backendFailed"));
            results.setItems(List.of());
            return;
        }
        if (reply.status() == 401 || reply.status() == 403) {
            show(status, "denied", text("cameras.search.denied"));
            results.setItems(List.of());
            return;
        }
        if (reply.status() != 200) {
            show(status, "invalid", translations.getTranslation("cameras.search.invalid", language.locale(), reply.detail()));
            results.setItems(List.of());
            return;
        }
        List<JsonNode> detections = new ArrayList<>();
        reply.body().path("detections").forEach(detections::add);
        results.setItems(detections);
        String message = translations.getTranslation("cameras.search.found", language.locale(), detections.size());
        show(status, detections.isEmpty() ? "empty" : "found",
                reply.body().path("hasMore").asBoolean() ? message + " " + text("cameras.search.more") : message);
    }

    private Grid<JsonNode> resultsGrid() {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("search-results");
        grid.addColumn(node -> shownTime(node.path("at").asString(""))).setHeader(text("cameras.search.column.time"));
        grid.addColumn(node -> node.path("camera").asString("")).setHeader(text("cameras.search.column.camera"));
        grid.addColumn(node -> text("cameras.class." + node.path("class").asString(""))).setHeader(text("cameras.search.column.class"));
        grid.addColumn(node -> node.path("colour").isString() ? text("cameras.colour." + node.path("colour").asString()) : "")
                .setHeader(text("cameras.search.column.colour"));
        grid.addColumn(node -> String.format(language.locale(), "%.2f", node.path("score").asDouble()))
                .setHeader(text("cameras.search.column.score"));
        grid.addColumn(node -> node.path("trackId").asLong()).setHeader(text("cameras.search.column.track"));
        return grid;
    }

    private static String shownTime(String iso) {
        try {
            return SHOWN_TIME.format(java.time.Instant.parse(iso).atZone(PROVINCE_ZONE));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    private static void show(Paragraph status, String outcome, String message) {
        status.setText(message);
        status.getElement().setAttribute("data-outcome", outcome);
    }

    private String text(String key) {
        return translations.getTranslation(key, language.locale());
    }
}
