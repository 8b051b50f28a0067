package vn.langso.ui.analyses;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.function.Function;

/**
 * The side panel's coverage form: the layer to check, the layer to measure from and the distance. The page creates
 * a new form on each build, like the {@link ChoroplethForm}.
 */
final class CoverageForm extends VerticalLayout {

    /** Minimum distance of a coverage analysis, in metres. */
    static final int MIN_DISTANCE = 1;
    /** Maximum distance of a coverage analysis, in metres; the message analyses.error.distance states it. */
    static final int MAX_DISTANCE = 100_000;

    final Select<String> layer = new Select<>();
    final Select<String> target = new Select<>();
    final IntegerField distance = new IntegerField();

    /**
     * @param text       looks up a translation key in the page's language
     * @param layerNames the layers to choose from
     * @param layerTitle returns the title of a layer in the page's language
     * @param analyse    runs the coverage analysis of the chosen layers and distance
     */
    CoverageForm(Function<String, String> text, List<String> layerNames, ItemLabelGenerator<String> layerTitle,
                 Runnable analyse) {
        layer.setId("coverage-layer");
        layer.setLabel(text.apply("analyses.layer"));
        target.setId("coverage-target");
        target.setLabel(text.apply("analyses.target"));
        for (Select<String> select : List.of(layer, target)) {
            select.setItems(layerNames);
            select.setItemLabelGenerator(layerTitle);
        }

        distance.setId("coverage-distance");
        distance.setLabel(text.apply("analyses.distance"));
        distance.setMin(MIN_DISTANCE);
        distance.setMax(MAX_DISTANCE);
        distance.setValue(AnalysisLink.DEFAULT_DISTANCE);

        Button analyseButton = new Button(text.apply("analyses.analyse"), event -> analyse.run());
        analyseButton.setId("coverage-analyse");
        analyseButton.addThemeVariants(ButtonVariant.PRIMARY);

        add(new H2(text.apply("analyses.coverage.heading")), layer, target, distance, analyseButton);
        setPadding(false);
    }
}
