package vn.langso.ui.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;

/**
 * The citizen's page of one report at {@code reports/{id}}: status, history, messages both ways and, once resolved,
 * the rating. The reporter reads the full view with the follow token (from the submission in this session, or
 * {@code ?token=} of the saved link) or their account. For anyone else the page shows the public view. Changes appear without
 * reloading, through the backend's live stream.
 */
@Route("reports/:id([0-9]{1,18})")
public class ReportFollowView extends ReportsPage {

    static final String TOKEN_PARAMETER = "token";

    private final Div body = new Div();
    private final TextArea messageField = new TextArea();
    private Map<String, ReportCategory> categories = Map.of();
    private ReportDetails details;
    private ReportsMap map;
    private long reportId;
    private String token;
    private ReportView current;

    public ReportFollowView(ReportsClient client, ReportMediaLimits limits, TranslationProvider translations) {
        super(client, limits, translations);
        addClassName("reports-follow-page");
        setMaxWidth("48rem");
    }

    @Override
    protected String titleKey() {
        return "reports.follow.title";
    }

    @Override
    protected void build(BeforeEnterEvent event) {
        reportId = event.getRouteParameters().getLong("id").orElseThrow();
        Optional<String> fromLink = event.getLocation().getQueryParameters().getSingleParameter(TOKEN_PARAMETER);
        fromLink.ifPresent(value -> FollowTokens.remember(reportId, value));
        token = FollowTokens.find(reportId);
        categories = loadCategories();

        details = new ReportDetails(client, categories, language);
        map = newMap();
        map.setId("report-map");
        map.setWidthFull();
        map.setHeight("14rem");

        ReportsLive live = new ReportsLive(client.browserBaseUrl());
        live.addChangeListener(change -> {
            if (change.id() == reportId) {
                reload();
            }
        });

        body.setId("report-follow");
        body.setWidthFull();
        add(live, body);
        reload();
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

    /** Reads the report again (the full view when allowed, else the public one) and redraws the page. */
    private void reload() {
        ReportView report;
        List<ReportMessage> messages = List.of();
        try {
            report = readReport();
            if (report.version() != null) {
                messages = client.messages(reportId, token);
            }
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.READ);
            return;
        }

        current = report;
        body.removeAll();
        details.show(report, messages);
        body.add(details);
        if (report.lon() != null && report.lat() != null) {
            map.setReports(List.of(new ReportsMap.Point(report.id(), report.lon(), report.lat(), report.status(),
                    report.overdue(), "#" + report.id())));
            map.setPoint(report.lon(), report.lat());
            body.add(map);
        }

        if (report.version() == null) {
            Span publicOnly = new Span(t("reports.follow.publicOnly"));
            publicOnly.addClassName("langso-muted");
            publicOnly.setId("report-public-only");
            body.add(publicOnly);
            return;
        }
        if (token != null) {
            body.add(followLink());
        }
        body.add(messageForm());
        body.add(reporterActions(report));
    }

    /** Reads the full view; a 401 or 403 (not the reporter) falls back to the public view. */
    private ReportView readReport() {
        if (token != null || client.signedIn()) {
            try {
                return client.report(reportId, token);
            } catch (ReportsApiException e) {
                if (e.status() != 401 && e.status() != 403) {
                    throw e;
                }
            }
        }
        return client.publicReport(reportId);
    }

    private Div followLink() {
        Anchor link = new Anchor("reports/" + reportId + "?" + TOKEN_PARAMETER + "=" + token, t("reports.follow.link"));
        link.setId("report-follow-link");
        Div box = new Div(new Span(t("reports.follow.linkHint") + " "), link);
        box.addClassName("report-follow-link");
        return box;
    }

    private Div messageForm() {
        messageField.setId("report-message-field");
        messageField.setLabel(t("reports.follow.message"));
        messageField.setMaxLength(4000);
        messageField.setWidthFull();
        Button send = new Button(t("reports.follow.send"), click -> sendMessage());
        send.setId("report-message-send");
        return new Div(messageField, send);
    }

    private void sendMessage() {
        String text = messageField.getValue().strip();
        if (text.isEmpty()) {
            showErrorText(t("reports.follow.messageEmpty"));
            return;
        }
        try {
            client.sendMessage(reportId, text, token);
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.MESSAGE);
            return;
        }
        clearError();
        messageField.clear();
        reload();
    }

    /** Rating once resolved, and the moves the reporter may make (close or reopen). */
    private Div reporterActions(ReportView report) {
        Div actions = new Div();
        actions.setId("report-reporter-actions");
        boolean finished = "resolved".equals(report.status()) || "closed".equals(report.status());
        if (finished && report.rating() == null && report.mine()) {
            actions.add(ratingForm());
        }
        HorizontalLayout moves = new HorizontalLayout();
        for (String status : report.allowedTransitions()) {
            if ("closed".equals(status) || "reopened".equals(status)) {
                Button move = new Button(t("reports.action." + status), click -> move(status));
                move.setId("report-move-" + status);
                moves.add(move);
            }
        }
        actions.add(moves);
        return actions;
    }

    private Div ratingForm() {
        RadioButtonGroup<Integer> stars = new RadioButtonGroup<>(t("reports.rating.stars"));
        stars.setId("report-rating-stars");
        stars.setItems(1, 2, 3, 4, 5);
        stars.setItemLabelGenerator(value -> "★".repeat(value));
        TextArea comment = new TextArea(t("reports.rating.comment"));
        comment.setId("report-rating-comment");
        comment.setMaxLength(1000);
        comment.setWidthFull();
        Button send = new Button(t("reports.rating.send"), click -> {
            if (stars.getValue() == null) {
                showErrorText(t("reports.rating.missing"));
                return;
            }
            try {
                client.rate(reportId, stars.getValue(), comment.getValue().strip(), token);
            } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
                showError(e, ReportProblemMessages.Action.RATING);
                return;
            }
            clearError();
            notifySuccess(t("reports.rating.thanks"));
            reload();
        });
        send.setId("report-rating-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        Div form = new Div(new H3(t("reports.rating.title")), stars, comment, send);
        form.setId("report-rating");
        return form;
    }

    private void move(String status) {
        if (current == null || current.version() == null) {
            return;
        }
        try {
            client.transition(reportId, status, current.version(), null, null, token);
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.WORKFLOW);
            return;
        }
        clearError();
        reload();
    }
}
