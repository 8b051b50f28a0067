package vn.langso.ui.accounts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/**
 * The audit log page for province administrators: the latest entries, filtered by action and actor. Access is
 * decided by the backend; this page only sends visitors who are not signed in to the sign-in page.
 */
@Route("admin/audit")
public class AuditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int PAGE_SIZE = 200;

    private final AccountsClient accounts;
    private final TranslationProvider translations;
    private final Grid<AccountsClient.AuditRow> grid = new Grid<>();
    private final Paragraph message = new Paragraph();
    private UiLanguage language = UiLanguage.DEFAULT;

    public AuditView(AccountsClient accounts, TranslationProvider translations) {
        this.accounts = accounts;
        this.translations = translations;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        if (UiSession.currentUser().isEmpty()) {
            event.forwardTo("sign-in", QueryParameters.of(MapView.LANGUAGE_PARAMETER, language.code()));
            return;
        }
        removeAll();
        build();
    }

    @Override
    public String getPageTitle() {
        return text("accounts.audit.title");
    }

    private void build() {
        TextField action = new TextField(text("accounts.audit.action"));
        action.setId("audit-action");
        action.setPlaceholder("auth.sign-in");
        TextField actor = new TextField(text("accounts.audit.actor"));
        actor.setId("audit-actor");
        Button search = new Button(text("accounts.audit.search"), event -> load(action.getValue(), actor.getValue()));
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(action, actor, search);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-grid");
        grid.removeAllColumns();
        grid.addColumn(AccountsClient.AuditRow::occurredAt).setHeader(text("accounts.audit.time")).setAutoWidth(true);
        grid.addColumn(AccountsClient.AuditRow::actor).setHeader(text("accounts.audit.actor")).setAutoWidth(true);
        grid.addColumn(AccountsClient.AuditRow::action).setHeader(text("accounts.audit.action")).setAutoWidth(true);
        grid.addColumn(AccountsClient.AuditRow::outcome).setHeader(text("accounts.audit.outcome")).setAutoWidth(true);
        grid.addColumn(AccountsClient.AuditRow::target).setHeader(text("accounts.audit.target")).setAutoWidth(true);
        grid.addColumn(AccountsClient.AuditRow::clientAddress).setHeader(text("accounts.audit.client")).setAutoWidth(true);
        message.setId("audit-message");

        Anchor back = new Anchor("./?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(), text("accounts.signIn.backToMap"));
        add(new H1(text("accounts.audit.title")), filters, message, grid, back);
        setFlexGrow(1, grid);
        load("", "");
    }

    private void load(String action, String actor) {
        Map<String, String> filters = AccountsClient.filters(action, actor);
        filters.put("limit", Integer.toString(PAGE_SIZE));
        String query = filters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            grid.setItems(accounts.audit(query));
            message.setText("");
        } catch (BackendResponseException e) {
            grid.setItems();
            message.setText(switch (e.status()) {
                case 401 -> text("accounts.audit.signInAgain");
                case 403 -> text("accounts.audit.forbidden");
                case 400 -> text("accounts.audit.invalid") + " " + e.detail();
                default -> text("accounts.signIn.failed");
            });
        } catch (BackendUnavailableException e) {
            grid.setItems();
            message.setText(text("accounts.signIn.unavailable"));
        }
    }

    private String text(String key) {
        return translations.getTranslation(key, language.locale());
    }
}
