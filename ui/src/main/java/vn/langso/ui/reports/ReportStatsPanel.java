package vn.langso.ui.reports;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Statistics of the inbox: per commune and per category the number of reports, the open ones and the share resolved
 * on time. The map colours each commune by its open reports (a choropleth), and this panel gives the legend.
 */
class ReportStatsPanel extends Composite<Div> {

    private final Grid<ReportStats.Row> byCommune = new Grid<>();
    private final Grid<ReportStats.Row> byCategory = new Grid<>();
    private final Locale locale;

    /** @param categoryName returns the name of a category code in the page's language */
    ReportStatsPanel(Locale locale, Function<String, String> categoryName) {
        this.locale = locale;
        getContent().setId("report-stats");
        getContent().addClassName("report-stats");

        configure(byCommune, "report-stats-communes", getTranslation("reports.stats.commune"), ReportStats.Row::key);
        configure(byCategory, "report-stats-categories", getTranslation("reports.stats.category"),
                row -> categoryName.apply(row.key()));

        Span legend = new Span(getTranslation("reports.stats.legend"));
        legend.addClassName("langso-muted");
        getContent().add(new H2(getTranslation("reports.stats.title")), legend, byCommune, byCategory);
    }

    /** Shows the counts and returns the open reports per commune code, for the map's colours. */
    Map<String, Long> show(ReportStats stats) {
        byCommune.setItems(stats.byCommune());
        byCategory.setItems(stats.byCategory());
        Map<String, Long> openByCommune = new LinkedHashMap<>();
        for (ReportStats.Row row : stats.byCommune()) {
            openByCommune.put(row.key(), row.open());
        }
        getContent().getElement().setAttribute("data-communes", String.valueOf(stats.byCommune().size()));
        return openByCommune;
    }

    private void configure(Grid<ReportStats.Row> grid, String id, String keyHeader, Function<ReportStats.Row, String> key) {
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(key::apply).setHeader(keyHeader).setAutoWidth(true);
        grid.addColumn(ReportStats.Row::total).setHeader(getTranslation("reports.stats.total")).setAutoWidth(true);
        grid.addColumn(ReportStats.Row::open).setHeader(getTranslation("reports.stats.open")).setAutoWidth(true);
        grid.addColumn(ReportStats.Row::resolved).setHeader(getTranslation("reports.stats.resolved")).setAutoWidth(true);
        grid.addColumn(row -> percent(row.onTimeRate())).setHeader(getTranslation("reports.stats.onTime")).setAutoWidth(true);
    }

    private String percent(Double rate) {
        if (rate == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(rate);
    }
}
