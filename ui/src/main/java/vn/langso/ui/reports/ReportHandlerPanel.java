package vn.langso.ui.reports;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.UiLanguage;

/**
 * One report in the officials' inbox with the actions the API allows the official: the workflow moves of
 * {@code allowedTransitions} (rejecting needs a reason) and a reply to the citizen. A stale version (409) is
 * explained with a button that reloads the report.
 */
class ReportHandlerPanel extends Composite<VerticalLayout> {

    /** Receives a failure and the action it happened in, to show it on the page. */
    interface Errors {
        void show(RuntimeException failure, ReportProblemMessages.Action action);
    }

    private final ReportsClient client;
    private final ReportDetails details;
    private final Errors errors;
    private final Consumer<String> errorText;
    private final Consumer<ReportView> changed;
    private final TextField note = new TextField();
    private final TextArea answer = new TextArea();
    private final Div actions = new Div();
    private ReportView current;

    /** @param changed receives the report after each successful action, so that the list and map can update */
    ReportHandlerPanel(ReportsClient client, Map<String, ReportCategory> categories, UiLanguage language, Errors errors,
            Consumer<String> errorText, Consumer<ReportView> changed) {
        this.client = client;
        this.errors = errors;
        this.errorText = errorText;
        this.changed = changed;
        this.details = new ReportDetails(client, categories, language);
        getContent().setId("report-handler-panel");
        getContent().setPadding(false);
        getContent().addClassName("report-handler-panel");

        note.setId("report-note");
        note.setLabel(getTranslation("reports.inbox.note"));
        note.setHelperText(getTranslation("reports.inbox.noteHelp"));
        note.setMaxLength(1000);
        note.setWidthFull();
        answer.setId("report-answer");
        answer.setLabel(getTranslation("reports.inbox.answer"));
        answer.setMaxLength(4000);
        answer.setWidthFull();
        actions.setId("report-actions");
        actions.addClassName("report-actions");
        Button send = new Button(getTranslation("reports.inbox.sendAnswer"), click -> sendAnswer());
        send.setId("report-answer-send");

        // Built once: a live update redraws the details and the action buttons but keeps the fields and their drafts.
        getContent().add(details, new H3(getTranslation("reports.inbox.actions")), note, actions, answer, send);
        getContent().setVisible(false);
    }

    /** Returns the id of the report shown, or -1. */
    long reportId() {
        return current == null ? -1 : current.id();
    }

    /** Reads the report and its messages again and shows them; the draft note and reply are kept. */
    void show(long id) {
        ReportView report;
        List<ReportMessage> messages;
        try {
            report = client.report(id, null);
            messages = client.messages(id, null);
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            errors.show(e, ReportProblemMessages.Action.READ);
            return;
        }
        current = report;
        VerticalLayout content = getContent();
        details.show(report, messages);
        drawActions(report);
        content.setVisible(true);
        content.getElement().setAttribute("data-version", String.valueOf(report.version()));
        content.getElement().setAttribute("data-status", report.status());
    }

    private void drawActions(ReportView report) {
        actions.removeAll();
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.addClassName("reports-wrap");
        for (String status : report.allowedTransitions()) {
            Button move = new Button(getTranslation("reports.action." + status), click -> move(status));
            move.setId("report-move-" + status);
            if ("rejected".equals(status)) {
                move.addThemeVariants(ButtonVariant.ERROR);
            } else if ("resolved".equals(status)) {
                move.addThemeVariants(ButtonVariant.SUCCESS);
            }
            buttons.add(move);
        }
        if (report.allowedTransitions().isEmpty()) {
            Span none = new Span(getTranslation("reports.inbox.noActions"));
            none.addClassName("langso-muted");
            buttons.add(none);
        }
        actions.add(buttons);
    }

    private void move(String status) {
        String text = note.getValue().strip();
        if ("rejected".equals(status) && text.isEmpty()) {
            errorText.accept(getTranslation("reports.error.reasonMissing"));
            note.focus();
            return;
        }
        ReportView updated;
        try {
            updated = client.transition(current.id(), status, current.version(),
                    "rejected".equals(status) || text.isEmpty() ? null : text,
                    "rejected".equals(status) ? text : null, null);
        } catch (ReportsApiException e) {
            errors.show(e, ReportProblemMessages.Action.WORKFLOW);
            if (e.status() == 409) {
                offerReload();
            }
            return;
        } catch (BackendUnavailableException | BackendResponseException e) {
            errors.show(e, ReportProblemMessages.Action.WORKFLOW);
            return;
        }
        note.clear();
        changed.accept(updated);
        show(updated.id());
    }

    private void offerReload() {
        Button reload = new Button(getTranslation("reports.inbox.reload"), click -> show(current.id()));
        reload.setId("report-reload");
        reload.addThemeVariants(ButtonVariant.PRIMARY);
        actions.add(reload);
    }

    private void sendAnswer() {
        String text = answer.getValue().strip();
        if (text.isEmpty()) {
            errorText.accept(getTranslation("reports.follow.messageEmpty"));
            return;
        }
        try {
            client.sendMessage(current.id(), text, null);
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            errors.show(e, ReportProblemMessages.Action.MESSAGE);
            return;
        }
        answer.clear();
        show(current.id());
    }
}
