package vn.langso.ui.analyses;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.function.Function;

/** The legend of a choropleth: its title, then one swatch and range per colour class. */
final class ChoroplethLegend extends Div {

    private final Function<String, String> text;
    private final Locale locale;

    /** @param text looks up a translation key in the page's language */
    ChoroplethLegend(Function<String, String> text, Locale locale) {
        this.text = text;
        this.locale = locale;
        setId("analysis-legend");
    }

    /**
     * Shows the classes under the title, with a grey entry for communes without places when there are any.
     *
     * @param title what the values are, such as the measure
     */
    void show(ChoroplethClasses classes, String title, boolean anyWithoutValue) {
        removeAll();
        if (classes.classes().isEmpty()) {
            add(new Span(text.apply("analyses.legend.noData")));
            return;
        }

        Div heading = new Div(title);
        heading.addClassName("langso-legend-title");
        add(heading);
        for (ChoroplethClasses.ColourClass colourClass : classes.classes()) {
            add(entry(colourClass.colour(), colourClass.label(locale)));
        }
        if (anyWithoutValue) {
            add(entry(ChoroplethClasses.NO_DATA_COLOUR, text.apply("analyses.legend.noPlaces")));
        }
    }

    private static Div entry(String colour, String text) {
        Span swatch = new Span();
        swatch.addClassName("langso-legend-swatch");
        swatch.getStyle().set("background-color", colour);
        Div entry = new Div(swatch, new Span(text));
        entry.addClassName("langso-legend-entry");
        return entry;
    }
}
