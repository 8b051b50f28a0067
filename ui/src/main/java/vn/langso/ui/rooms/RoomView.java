package vn.langso.ui.rooms;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.net.URI;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.langso.ui.accounts.UiSession;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/**
 * A meeting room at {@code rooms/{id}}: camera, microphone, screen sharing, chat, raised hands, the participant list
 * with the moderator's mute and remove, and low-bandwidth mode. Guests open it from an invitation link
 * ({@code ?invitation=TOKEN}) and give their name; members come with a join token ({@code ?token=TOKEN}), or signed in,
 * when the page gets a join token for them from the backend.
 */
@Route("rooms/:id")
public class RoomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Maximum length of a guest name, as the signalling accepts it. */
    static final int MAX_NAME_LENGTH = 60;

    private final BackendProperties backend;
    private final RoomsClient client;
    private final TranslationProvider translations;
    private UiLanguage language = UiLanguage.DEFAULT;

    public RoomView(BackendProperties backend, RoomsClient client, TranslationProvider translations) {
        this.backend = backend;
        this.client = client;
        this.translations = translations;
        setSizeFull();
        addClassName("langso-room-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());
        removeAll();

        String roomId = event.getRouteParameters().get("id").orElse("");
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String invitation = first(query, "invitation");
        String token = first(query, "token");
        String name = first(query, "name");

        if (!isUuid(roomId)) {
            showMissingAccess(roomId);
            return;
        }
        if (invitation.isEmpty() && token.isEmpty()) {
            if (UiSession.currentUser().isEmpty()) {
                showMissingAccess(roomId);
                return;
            }
            token = memberJoinToken(roomId);
            if (token.isEmpty()) {
                return;
            }
        }
        URI signalUrl = RoomCall.signalUrl(backend.publicUrl(), roomId);
        Map<String, String> labels = translations.translationsWithPrefix("rooms.call.", language);
        if (!token.isEmpty()) {
            showCall(RoomCall.withToken(signalUrl, labels, token));
        } else if (!cleanName(name).isEmpty()) {
            showCall(RoomCall.withInvitation(signalUrl, labels, invitation, cleanName(name)));
        } else {
            askName(signalUrl, labels, invitation);
        }
    }

    @Override
    public String getPageTitle() {
        return translations.getTranslation("rooms.view.title", language.locale(), "Làng Số");
    }

    private void showMissingAccess(String roomId) {
        Anchor signIn = new Anchor("sign-in?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(),
                text("accounts.signIn.link"));
        signIn.setId("room-sign-in");
        add(new H1(text("rooms.view.title", roomId)), paragraph("room-missing-access", text("rooms.view.missingAccess")),
                signIn, new Anchor("/", text("rooms.view.back")));
    }

    /** Returns a join token of the signed-in user, or empty after showing why the backend refused one. */
    private String memberJoinToken(String roomId) {
        RoomsClient.Result result = client.joinToken(roomId);
        if (result.status() == 201) {
            return result.body().path("token").asString("");
        }
        String message = switch (result.status()) {
            case 401, 403 -> text("rooms.view.notMember");
            case 404 -> text("rooms.view.notFound");
            default -> text("rooms.view.joinFailed");
        };
        add(new H1(text("rooms.view.title", roomId)), paragraph("room-join-refused", message),
                new Anchor("/", text("rooms.view.back")));
        return "";
    }

    private void askName(URI signalUrl, Map<String, String> labels, String invitation) {
        TextField nameField = new TextField(text("rooms.view.namePrompt"));
        nameField.setId("room-guest-name");
        nameField.setMaxLength(MAX_NAME_LENGTH);
        nameField.setRequired(true);
        Button join = new Button(text("rooms.view.join"), click -> {
            String name = cleanName(nameField.getValue());
            if (name.isEmpty()) {
                nameField.setInvalid(true);
                return;
            }
            removeAll();
            showCall(RoomCall.withInvitation(signalUrl, labels, invitation, name));
        });
        join.setId("room-join");
        join.addThemeVariants(ButtonVariant.PRIMARY);
        add(nameField, join);
    }

    private void showCall(RoomCall call) {
        call.setSizeFull();
        add(call);
    }

    private String text(String key, Object... params) {
        return translations.getTranslation(key, language.locale(), params);
    }

    private static Paragraph paragraph(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    /** Returns the name in NFC without control characters, or empty when blank or too long. */
    static String cleanName(String name) {
        String cleaned = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.length() > MAX_NAME_LENGTH ? "" : cleaned;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst() == null ? "" : values.getFirst().strip();
    }

    private static boolean isUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
