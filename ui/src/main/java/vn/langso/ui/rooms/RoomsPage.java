package vn.langso.ui.rooms;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import tools.jackson.databind.JsonNode;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/** The meeting rooms of one cooperative or club, {@code cooperatives/{id}/rooms}: upcoming, live and past ones. */
@Route("cooperatives/:cooperativeId/rooms")
public class RoomsPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Time zone of the province; rooms are scheduled in local time. */
    static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Past rooms whose recordings are listed; older ones are shown without. */
    static final int PAST_WITH_RECORDINGS = 10;

    private final RoomsClient client;
    private final TranslationProvider translations;
    private UiLanguage language = UiLanguage.DEFAULT;
    private String title = "";

    public RoomsPage(RoomsClient client, TranslationProvider translations) {
        this.client = client;
        this.translations = translations;
        addClassName("langso-rooms-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        removeAll();

        long cooperativeId = event.getRouteParameters().get("cooperativeId").map(RoomsPage::parseId).orElse(-1L);
        if (cooperativeId <= 0) {
            add(message("rooms-error", text("rooms.list.failed")));
            return;
        }
        RoomsClient.Result result = client.rooms(cooperativeId);
        if (result.status() == 403 || result.status() == 401) {
            add(new H1(text("rooms.list.title", "#" + cooperativeId)), message("rooms-sign-in", text("rooms.list.signIn")));
            return;
        }
        if (!result.ok()) {
            add(message("rooms-error", text("rooms.list.failed")));
            return;
        }
        title = text("rooms.list.title", result.body().path("cooperativeName").asString(""));
        add(new H1(title));
        JsonNode rooms = result.body().path("rooms");
        if (rooms.isEmpty()) {
            add(message("rooms-empty", text("rooms.list.empty")));
        }
        for (String status : new String[] {"live", "upcoming", "past"}) {
            UnorderedList list = new UnorderedList();
            list.setId("rooms-" + status);
            int pastShown = 0;
            for (JsonNode room : rooms) {
                if (room.path("status").asString("").equals(status)) {
                    boolean withRecordings = status.equals("past") && pastShown++ < PAST_WITH_RECORDINGS;
                    list.add(roomItem(room, withRecordings));
                }
            }
            if (list.getChildren().findAny().isPresent()) {
                add(new H2(text("rooms.list." + status)), list);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? translations.getTranslation("rooms.list.title", language.locale(), "Làng Số") : title;
    }

    private ListItem roomItem(JsonNode room, boolean withRecordings) {
        String id = room.path("id").asString("");
        String starts = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale())
                .format(Instant.parse(room.path("startsAt").asString()).atZone(PROVINCE_ZONE));
        ListItem item = new ListItem();
        item.add(new Div(room.path("topic").asString("") + " — " + text("rooms.list.starts", starts)));
        if (!room.path("status").asString("").equals("past")) {
            // The room page gets a join token for the signed-in member.
            item.add(new Anchor("rooms/" + id, text("rooms.list.open")));
        }
        if (withRecordings) {
            RoomsClient.Result recordings = client.recordings(id);
            UnorderedList files = new UnorderedList();
            for (JsonNode recording : recordings.body().path("recordings")) {
                files.add(new ListItem(recording.path("startedAt").asString("") + " " + recording.path("uri").asString("")));
            }
            item.add(new Div(text("rooms.list.recordings") + ": "
                    + (files.getChildren().findAny().isPresent() ? "" : text("rooms.list.noRecordings"))), files);
        }
        return item;
    }

    private String text(String key, Object... params) {
        return translations.getTranslation(key, language.locale(), params);
    }

    private static Paragraph message(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
