package vn.langso.ui.reports;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.langso.ui.i18n.UiLanguage;

/**
 * A report for reading: status, description, photos and videos, the status history and the messages. The citizen's
 * page and the officials' inbox both show it; their actions sit beside it.
 */
class ReportDetails extends Composite<VerticalLayout> {

    /** Time zone in which times are shown: the province's. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportsClient client;
    private final Map<String, ReportCategory> categories;
    private final UiLanguage language;

    ReportDetails(ReportsClient client, Map<String, ReportCategory> categories, UiLanguage language) {
        this.client = client;
        this.categories = categories;
        this.language = language;
        getContent().setPadding(false);
        getContent().addClassName("report-details");
    }

    /** Replaces what is shown with the report and its messages (messages may be empty for a public view). */
    void show(ReportView report, List<ReportMessage> messages) {
        VerticalLayout content = getContent();
        content.removeAll();
        content.getElement().setAttribute("data-report-id", String.valueOf(report.id()));

        H2 heading = new H2("#" + report.id() + " · " + categoryName(this, categories, language, report.category()));
        heading.setId("report-heading");
        content.add(heading, statusRow(report));

        Paragraph description = new Paragraph(report.description());
        description.setId("report-description-text");
        description.addClassName("report-description-text");
        content.add(description, facts(report));

        if (!report.media().isEmpty()) {
            content.add(media(report.media()));
        }
        content.add(new H3(getTranslation("reports.details.history")), timeline(report));
        if (report.version() != null) {
            content.add(new H3(getTranslation("reports.details.messages")), messageList(messages));
        }
    }

    private Div statusRow(ReportView report) {
        Span status = new Span(statusName(this, report.status()));
        status.setId("report-status");
        status.addClassNames("report-status", "report-status-" + report.status());
        status.getElement().setAttribute("data-status", report.status());
        Div row = new Div(status);
        row.addClassName("report-status-row");
        if (report.overdue()) {
            row.add(badge(getTranslation("reports.details.overdue"), "report-overdue"));
        }
        if (report.escalated()) {
            row.add(badge(getTranslation("reports.details.escalated"), "report-escalated"));
        }
        return row;
    }

    private Div facts(ReportView report) {
        Div facts = new Div();
        facts.addClassName("report-facts");
        fact(facts, "reports.details.reportedAt", time(report.reportedAt()));
        fact(facts, "reports.details.address", report.address());
        fact(facts, "reports.details.commune", report.communeCode());
        if (report.dueDate() != null) {
            fact(facts, "reports.details.dueDate", date(report.dueDate()));
        }
        fact(facts, "reports.details.assignee", report.assignee());
        fact(facts, "reports.details.reporter", joinNonBlank(report.reporterName(), report.reporterPhone()));
        fact(facts, "reports.details.rejectionReason", report.rejectionReason());
        if (report.rating() != null) {
            fact(facts, "reports.details.rating", "★".repeat(report.rating()) + "☆".repeat(5 - report.rating())
                    + (report.ratingComment() == null || report.ratingComment().isBlank() ? "" : " — " + report.ratingComment()));
        }
        return facts;
    }

    private void fact(Div facts, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("report-fact-label");
        Div row = new Div(label, new Span(value));
        row.addClassName("report-fact");
        facts.add(row);
    }

    private Div media(List<ReportView.Media> media) {
        Div gallery = new Div();
        gallery.setId("report-media-list");
        gallery.addClassName("report-media-list");
        for (ReportView.Media item : media) {
            String url = client.browserUrl(item.url());
            if ("video".equals(item.kind())) {
                Element video = new Element("video");
                video.setAttribute("controls", true);
                video.setAttribute("preload", "metadata");
                video.setAttribute("src", url);
                video.getClassList().add("report-media-item");
                gallery.getElement().appendChild(video);
            } else {
                String thumbnail = item.thumbnailUrl() == null ? url : client.browserUrl(item.thumbnailUrl());
                Image image = new Image(thumbnail, getTranslation("reports.details.photo"));
                image.addClassName("report-media-item");
                Anchor link = new Anchor(url, image);
                link.setTarget(AnchorTarget.BLANK);
                gallery.add(link);
            }
        }
        return gallery;
    }

    private OrderedList timeline(ReportView report) {
        OrderedList list = new OrderedList();
        list.setId("report-timeline");
        list.addClassName("report-timeline");
        for (ReportView.HistoryEntry entry : report.history()) {
            ListItem item = new ListItem();
            item.getElement().setAttribute("data-status", entry.toStatus());
            Span when = new Span(time(entry.at()));
            when.addClassName("report-time");
            item.add(when, new Span(" " + statusName(this, entry.toStatus())));
            String actor = entry.byName() == null || entry.byName().isBlank()
                    ? getTranslation("reports.actor." + (entry.by() == null ? "system" : entry.by()))
                    : entry.byName();
            item.add(new Span(" · " + actor));
            if (entry.note() != null && !entry.note().isBlank()) {
                Div note = new Div(entry.note());
                note.addClassName("report-note");
                item.add(note);
            }
            list.add(item);
        }
        if (report.history().isEmpty()) {
            list.add(new ListItem(time(report.reportedAt()) + " " + statusName(this, report.status())));
        }
        return list;
    }

    private Div messageList(List<ReportMessage> messages) {
        Div list = new Div();
        list.setId("report-messages");
        list.addClassName("report-messages");
        if (messages.isEmpty()) {
            Span none = new Span(getTranslation("reports.details.noMessages"));
            none.addClassName("langso-muted");
            list.add(none);
        }
        for (ReportMessage message : messages) {
            Div bubble = new Div();
            bubble.addClassNames("report-message", "report-message-" + message.from());
            bubble.getElement().setAttribute("data-from", message.from());
            String author = message.authorName() == null || message.authorName().isBlank()
                    ? getTranslation("reports.actor." + message.from())
                    : message.authorName();
            Div meta = new Div(author + " · " + time(message.at()));
            meta.addClassName("report-message-meta");
            Div body = new Div(message.body());
            body.addClassName("report-message-body");
            bubble.add(meta, body);
            list.add(bubble);
        }
        return list;
    }

    private static Span badge(String text, String className) {
        Span badge = new Span(text);
        badge.addClassNames("report-badge", className);
        return badge;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String statusName(com.vaadin.flow.component.Component component, String status) {
        return status == null ? "" : component.getTranslation("reports.status." + status);
    }

    static String categoryName(com.vaadin.flow.component.Component component, Map<String, ReportCategory> categories,
            UiLanguage language, String code) {
        ReportCategory category = categories.get(code);
        return category == null ? String.valueOf(code) : category.name(language);
    }

    private static String joinNonBlank(String first, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        if (hasFirst && hasSecond) {
            return first + " · " + second;
        }
        if (hasFirst) {
            return first;
        }
        return hasSecond ? second : "";
    }
}
