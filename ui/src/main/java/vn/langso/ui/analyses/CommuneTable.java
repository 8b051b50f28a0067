package vn.langso.ui.analyses;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The table of an analysis: one row per commune with its value, its places and, for a coverage, those beyond. */
final class CommuneTable extends Grid<CommuneFigures> {

    /** Sorts rows by value, largest first, with the communes without a value (NaN) last. */
    private static final Comparator<CommuneFigures> BY_VALUE_DESCENDING = Comparator
            .comparing((CommuneFigures row) -> Double.isNaN(row.value()))
            .thenComparing(Comparator.comparingDouble(CommuneFigures::value).reversed());

    private final Column<CommuneFigures> valueColumn;

    /**
     * @param text        looks up a translation key in the page's language
     * @param valueLabel  the header of the value column until an analysis is shown
     */
    CommuneTable(Function<String, String> text, Locale locale, String valueLabel) {
        setId("analysis-table");
        addColumn(CommuneFigures::name).setHeader(text.apply("analyses.column.commune")).setSortable(true).setFlexGrow(2);
        valueColumn = addColumn(row -> Double.isNaN(row.value()) ? "–" : ChoroplethClasses.format(row.value(), locale))
                .setHeader(wrappingHeader(valueLabel))
                .setComparator(BY_VALUE_DESCENDING.reversed()).setSortable(true);
        addColumn(CommuneFigures::featureCount).setHeader(text.apply("analyses.column.features")).setSortable(true);
        addColumn(row -> row.beyondCount() < 0 ? "" : String.valueOf(row.beyondCount()))
                .setHeader(text.apply("analyses.column.beyond"));
        setHeight("14rem");
    }

    /**
     * Shows the rows, largest value first.
     *
     * @param valueLabel what the values are, as the header of the value column
     */
    void show(List<CommuneFigures> rows, String valueLabel) {
        valueColumn.setHeader(wrappingHeader(valueLabel));
        setItems(rows.stream().sorted(BY_VALUE_DESCENDING).toList());
    }

    /** Returns a header that wraps, because a label such as the share of an attribute value is too long for one line. */
    private static Span wrappingHeader(String text) {
        Span header = new Span(text);
        header.addClassName("langso-wrapping-header");
        return header;
    }
}
