package vn.langso.ui.reports;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;

/**
 * The officials' inbox at {@code reports/inbox}: the reports of the official's communes (the API decides which)
 * as a list and on a map, with filters by status, category, commune, overdue and text. New and changed reports
 * appear without reloading: each live event re-reads the list. Selecting a report opens it with its actions.
 */
@Route("reports/inbox")
public class ReportInboxView extends ReportsPage {

    static final List<String> STATUSES =
            List.of("received", "assigned", "in_progress", "resolved", "closed", "rejected", "reopened");

    private final Select<String> statusFilter = new Select<>();
    private final Select<String> categoryFilter = new Select<>();
    private final TextField communeFilter = new TextField();
    private final TextField textFilter = new TextField();
    private final Checkbox overdueFilter = new Checkbox();
    private final Grid<ReportView> grid = new Grid<>();
    private final Span summary = new Span();
    private final Set<Long> seen = new HashSet<>();
    private final Set<Long> fresh = new HashSet<>();
    private Map<String, ReportCategory> categories = Map.of();
    private ReportsMap map;
    private ReportHandlerPanel panel;
    private ReportStatsPanel stats;
    private boolean firstLoad;

    public ReportInboxView(ReportsClient client, ReportMediaLimits limits, TranslationProvider translations) {
        super(client, limits, translations);
        addClassName("reports-inbox-page");
        setSizeFull();
    }

    @Override
    protected String titleKey() {
        return "reports.inbox.title";
    }

    @Override
    protected void build(BeforeEnterEvent event) {
        seen.clear();
        fresh.clear();
        firstLoad = true;
        categories = loadCategories();

        map = newMap();
        map.setId("report-inbox-map");
        map.setWidthFull();
        map.setHeight("20rem");
        map.addSelectedListener(selected -> select(selected.id()));

        panel = new ReportHandlerPanel(client, categories, language, this::showError, this::showErrorText,
                updated -> reloadList());

        stats = new ReportStatsPanel(language.locale(),
                code -> ReportDetails.categoryName(this, categories, language, code));

        ReportsLive live = new ReportsLive(client.browserBaseUrl());
        live.addChangeListener(change -> {
            reloadList();
            reloadStats();
            if (change.id() == panel.reportId()) {
                panel.show(change.id());
            }
        });

        configureGrid();
        summary.setId("report-inbox-summary");

        Div listColumn = new Div(summary, grid);
        listColumn.addClassName("reports-inbox-list");
        Div detailColumn = new Div(map, panel);
        detailColumn.addClassName("reports-inbox-detail");
        Div columns = new Div(listColumn, detailColumn);
        columns.addClassName("reports-inbox-columns");
        columns.setWidthFull();

        add(live, filters(), columns, stats);
        reloadList();
        reloadStats();
    }

    private Map<String, ReportCategory> loadCategories() {
        Map<String, ReportCategory> byCode = new LinkedHashMap<>();
        try {
            client.categories().forEach(category -> byCode.put(category.code(), category));
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.READ);
        }
        return byCode;
    }

    private HorizontalLayout filters() {
        List<String> statusItems = new ArrayList<>();
        statusItems.add("");
        statusItems.addAll(STATUSES);
        statusFilter.setId("report-filter-status");
        statusFilter.setLabel(t("reports.inbox.status"));
        statusFilter.setItems(statusItems);
        statusFilter.setValue("");
        statusFilter.setItemLabelGenerator(value -> value.isEmpty() ? t("reports.inbox.all") : ReportDetails.statusName(this, value));
        statusFilter.addValueChangeListener(change -> reloadList());

        List<String> categoryItems = new ArrayList<>();
        categoryItems.add("");
        categoryItems.addAll(categories.keySet());
        categoryFilter.setId("report-filter-category");
        categoryFilter.setLabel(t("reports.inbox.category"));
        categoryFilter.setItems(categoryItems);
        categoryFilter.setValue("");
        categoryFilter.setItemLabelGenerator(value -> value.isEmpty() ? t("reports.inbox.all")
                : ReportDetails.categoryName(this, categories, language, value));
        categoryFilter.addValueChangeListener(change -> reloadList());

        communeFilter.setId("report-filter-commune");
        communeFilter.setLabel(t("reports.inbox.commune"));
        communeFilter.setPlaceholder(t("reports.inbox.communePlaceholder"));
        communeFilter.setPattern("[0-9]{0,10}");
        communeFilter.setMaxLength(10);
        communeFilter.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        communeFilter.addValueChangeListener(change -> reloadList());

        textFilter.setId("report-filter-text");
        textFilter.setLabel(t("reports.inbox.search"));
        textFilter.setMaxLength(200);
        textFilter.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        textFilter.addValueChangeListener(change -> reloadList());

        overdueFilter.setId("report-filter-overdue");
        overdueFilter.setLabel(t("reports.inbox.overdueOnly"));
        overdueFilter.addValueChangeListener(change -> reloadList());

        HorizontalLayout row = new HorizontalLayout(statusFilter, categoryFilter, communeFilter, textFilter, overdueFilter);
        row.addClassName("reports-wrap");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void configureGrid() {
        grid.setId("report-inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(report -> "#" + report.id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(report -> ReportDetails.categoryName(this, categories, language, report.category()))
                .setHeader(t("reports.inbox.category")).setAutoWidth(true);
        grid.addColumn(report -> ReportDetails.statusName(this, report.status())).setHeader(t("reports.inbox.status"))
                .setAutoWidth(true);
        grid.addColumn(ReportView::communeCode).setHeader(t("reports.inbox.commune")).setAutoWidth(true);
        grid.addColumn(report -> ReportDetails.time(report.reportedAt())).setHeader(t("reports.details.reportedAt"))
                .setAutoWidth(true);
        grid.addColumn(report -> report.overdue() ? t("reports.details.overdue") : ReportDetails.date(report.dueDate()))
                .setHeader(t("reports.details.dueDate")).setAutoWidth(true);
        grid.setPartNameGenerator(report -> {
            List<String> parts = new ArrayList<>();
            if (report.overdue()) {
                parts.add("report-overdue-row");
            }
            if (fresh.contains(report.id())) {
                parts.add("report-new-row");
            }
            return parts.isEmpty() ? null : String.join(" ", parts);
        });
        grid.addItemClickListener(click -> select(click.getItem().id()));
        grid.setAllRowsVisible(false);
        grid.setHeight("24rem");
    }

    private InboxFilter filter() {
        return new InboxFilter(statusFilter.getValue(), categoryFilter.getValue(), communeFilter.getValue().strip(),
                overdueFilter.getValue(), textFilter.getValue().strip(), InboxFilter.DEFAULT_LIMIT, 0);
    }

    /** Reads the list again; reports not seen before on this page are marked as new. */
    private void reloadList() {
        InboxPage page;
        try {
            page = client.inbox(filter());
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.READ);
            grid.setItems(List.of());
            summary.setText("");
            return;
        }
        for (ReportView report : page.reports()) {
            if (seen.add(report.id()) && !firstLoad) {
                fresh.add(report.id());
            }
        }
        firstLoad = false;
        grid.setItems(page.reports());
        summary.setText(t("reports.inbox.summary", page.reports().size(), page.total()));
        summary.getElement().setAttribute("data-total", String.valueOf(page.total()));
        grid.getElement().setAttribute("data-report-ids",
                String.join(",", page.reports().stream().map(report -> String.valueOf(report.id())).toList()));

        List<ReportsMap.Point> points = new ArrayList<>();
        for (ReportView report : page.reports()) {
            if (report.lon() != null && report.lat() != null) {
                points.add(new ReportsMap.Point(report.id(), report.lon(), report.lat(), report.status(), report.overdue(),
                        "#" + report.id() + " · " + ReportDetails.categoryName(this, categories, language, report.category())));
            }
        }
        map.setReports(points);
    }

    /** Reads the statistics again and colours the map's communes by their open reports. */
    private void reloadStats() {
        try {
            map.setChoropleth(stats.show(client.stats()));
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            // The list shows the same failure, so the statistics are only left out.
            stats.setVisible(false);
        }
    }

    private void select(long id) {
        fresh.remove(id);
        map.select(id);
        clearError();
        panel.show(id);
    }
}
