package vn.langso.ui.analyses;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The side panel's choropleth form: the layer, the measure and, for a share, the attribute and its value, under a
 * heading that names the measure. The page creates a new form on each build, so each field keeps exactly one
 * value-change listener when Vaadin reuses the page for a new query string.
 */
final class ChoroplethForm extends VerticalLayout {

    final Select<String> layer = new Select<>();
    final Select<Measure> measure = new Select<>();
    final Select<String> attribute = new Select<>();
    final Select<String> value = new Select<>();
    private final H2 heading = new H2();

    private final AnalysisTexts texts;
    private final Function<String, Optional<List<String>>> loadAttributes;
    /** The category attributes of the chosen layer; null while none is chosen or after they failed to load. */
    private List<String> loadedAttributes;

    /**
     * @param text           looks up a translation key in the page's language
     * @param layerNames     the layers to choose from
     * @param layerTitle     returns the title of a layer in the page's language
     * @param loadAttributes returns the category attributes of a layer, or empty when they failed to load
     * @param show           draws the choropleth of the chosen layer and measure
     */
    ChoroplethForm(Function<String, String> text, AnalysisTexts texts, List<String> layerNames,
                   ItemLabelGenerator<String> layerTitle, Function<String, Optional<List<String>>> loadAttributes,
                   Runnable show) {
        this.texts = texts;
        this.loadAttributes = loadAttributes;

        heading.setId("choropleth-heading");
        layer.setId("choropleth-layer");
        layer.setLabel(text.apply("analyses.layer"));
        layer.setItems(layerNames);
        layer.setItemLabelGenerator(layerTitle);
        layer.addValueChangeListener(event -> listAttributes());

        measure.setId("choropleth-measure");
        measure.setLabel(text.apply("analyses.metric"));
        measure.setItems(Measure.values());
        measure.setItemLabelGenerator(item -> text.apply("analyses.metric." + item.code()));
        measure.setValue(Measure.DENSITY);
        measure.addValueChangeListener(event -> updateShareFields());

        attribute.setId("choropleth-attribute");
        attribute.setLabel(text.apply("analyses.attribute"));
        value.setId("choropleth-value");
        value.setLabel(text.apply("analyses.value"));
        value.setItemLabelGenerator(texts::attributeValueLabel);
        updateShareFields();

        Button showButton = new Button(text.apply("analyses.show"), event -> show.run());
        showButton.setId("choropleth-show");
        showButton.addThemeVariants(ButtonVariant.PRIMARY);

        add(heading, layer, measure, attribute, value, showButton);
        setPadding(false);
    }

    /** Returns the chosen measure, or density when none is chosen. */
    Measure chosenMeasure() {
        return Optional.ofNullable(measure.getValue()).orElse(Measure.DENSITY);
    }

    /** Returns the category attributes of the chosen layer, or empty while none is chosen or after they failed to load. */
    Optional<List<String>> loadedAttributes() {
        return Optional.ofNullable(loadedAttributes);
    }

    /** Lists the category attributes of the chosen layer to choose from, and clears the values of the previous one. */
    private void listAttributes() {
        loadedAttributes = Optional.ofNullable(layer.getValue()).flatMap(loadAttributes).orElse(null);
        attribute.setItems(loadedAttributes == null ? List.of() : loadedAttributes);
        value.setItems(List.of());
    }

    /** Shows the share fields only for a share, and names the chosen measure in the heading. */
    private void updateShareFields() {
        heading.setText(texts.heading(chosenMeasure()));
        boolean share = chosenMeasure() == Measure.SHARE;
        attribute.setVisible(share);
        value.setVisible(share);
    }
}
