package vn.langso.ui.map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.i18n.UiLanguage;

/** Checkboxes that show or hide each point layer, labelled with the layer's localized title and feature count. */
class LayerSwitcher extends Composite<VerticalLayout> {

    private final Map<String, Checkbox> checkboxes = new LinkedHashMap<>();
    private final Consumer<List<String>> visibleLayersListener;

    /** @param visibleLayersListener receives the names of the checked layers after every change */
    LayerSwitcher(Consumer<List<String>> visibleLayersListener) {
        this.visibleLayersListener = visibleLayersListener;
        getContent().setId("layer-switcher");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(new H2(getTranslation("layers.heading")));
    }

    /** Lists the layers, all checked. */
    void showLayers(List<LayerSummary> layers, UiLanguage language) {
        if (layers.isEmpty()) {
            getContent().add(message(getTranslation("layers.empty")));
            return;
        }
        for (LayerSummary layer : layers) {
            String count = layer.featureCount() < 0 ? "?" : String.valueOf(layer.featureCount());
            Checkbox checkbox = new Checkbox(getTranslation("layers.item", layer.title().in(language), count), true);
            checkbox.setId("layer-toggle-" + layer.name());
            checkbox.getElement().setAttribute("data-layer", layer.name());
            checkbox.addValueChangeListener(event -> visibleLayersListener.accept(checkedLayers()));
            checkboxes.put(layer.name(), checkbox);

            // The dot is the legend: styles.css gives it the colour the map draws this layer in.
            Span legendDot = new Span();
            legendDot.addClassNames("langso-legend-dot", "langso-layer-" + layer.name());
            legendDot.getElement().setAttribute("aria-hidden", "true");
            HorizontalLayout row = new HorizontalLayout(legendDot, checkbox);
            row.setSpacing(false);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            getContent().add(row);
        }
    }

    /** Shows that the layer list could not be loaded. */
    void showUnavailable() {
        getContent().add(message(getTranslation("layers.unavailable")));
    }

    List<String> checkedLayers() {
        return checkboxes.entrySet().stream()
                .filter(entry -> entry.getValue().getValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Span message(String text) {
        Span span = new Span(text);
        span.addClassName("langso-muted");
        return span;
    }
}
