package vn.langso.ui.accounts;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/**
 * The sign-in page: staff sign in with user name and password, citizens with their phone number and a one-time code.
 * On success the token is kept in the server-side session ({@link UiSession}) and the map opens.
 */
@Route("sign-in")
public class SignInView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SignInView.class);

    private final AccountsClient accounts;
    private final TranslationProvider translations;
    private final Paragraph message = new Paragraph();
    private UiLanguage language = UiLanguage.DEFAULT;

    public SignInView(AccountsClient accounts, TranslationProvider translations) {
        this.accounts = accounts;
        this.translations = translations;
        addClassName("langso-sign-in");
        setMaxWidth("28rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());
        removeAll();
        build();
    }

    @Override
    public String getPageTitle() {
        return text("accounts.signIn.title");
    }

    private void build() {
        H1 title = new H1(text("accounts.signIn.title"));
        message.setId("sign-in-message");
        message.setText("");

        TabSheet tabs = new TabSheet();
        tabs.setId("sign-in-tabs");
        tabs.add(text("accounts.signIn.passwordTab"), passwordForm());
        tabs.add(text("accounts.signIn.phoneTab"), phoneForm());
        tabs.setWidthFull();

        Anchor back = new Anchor("?lang=" + language.code(), text("accounts.signIn.backToMap"));
        back.setHref("./?" + MapView.LANGUAGE_PARAMETER + "=" + language.code());
        add(title, tabs, message, back);
    }

    private VerticalLayout passwordForm() {
        TextField username = new TextField(text("accounts.signIn.username"));
        username.setId("sign-in-username");
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        username.setMaxLength(64);
        PasswordField password = new PasswordField(text("accounts.signIn.password"));
        password.setId("sign-in-password");
        password.setMaxLength(256);
        Button submit = new Button(text("accounts.signIn.submit"), event -> {
            if (username.isEmpty() || password.isEmpty()) {
                showError(text("accounts.signIn.missing"));
                return;
            }
            attempt(() -> accounts.signInWithPassword(username.getValue(), password.getValue()));
            password.clear();
        });
        submit.setId("sign-in-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        VerticalLayout form = new VerticalLayout(username, password, submit);
        form.setPadding(false);
        return form;
    }

    private VerticalLayout phoneForm() {
        TextField phone = new TextField(text("accounts.signIn.phone"));
        phone.setId("sign-in-phone");
        phone.setPlaceholder("0912 345 678");
        phone.setMaxLength(20);
        TextField code = new TextField(text("accounts.signIn.code"));
        code.setId("sign-in-code");
        code.setMaxLength(6);
        code.setEnabled(false);
        Button send = new Button(text("accounts.signIn.sendCode"), event -> {
            try {
                accounts.sendCode(phone.getValue());
                code.setEnabled(true);
                code.focus();
                showInfo(text("accounts.signIn.codeSent"));
            } catch (BackendResponseException e) {
                showError(describe(e));
            } catch (BackendUnavailableException e) {
                showError(text("accounts.signIn.unavailable"));
            }
        });
        send.setId("sign-in-send-code");
        Button submit = new Button(text("accounts.signIn.submit"),
                event -> attempt(() -> accounts.signInWithCode(phone.getValue(), code.getValue().strip())));
        submit.setId("sign-in-code-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        VerticalLayout form = new VerticalLayout(phone, send, code, submit);
        form.setPadding(false);
        return form;
    }

    private void attempt(java.util.function.Supplier<SignedInUser> signIn) {
        try {
            SignedInUser user = signIn.get();
            UiSession.signIn(user);
            UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.of(MapView.LANGUAGE_PARAMETER, language.code()));
        } catch (BackendResponseException e) {
            showError(describe(e));
        } catch (BackendUnavailableException e) {
            log.warn("Sign-in failed because the backend is unreachable: {}", e.getMessage());
            showError(text("accounts.signIn.unavailable"));
        }
    }

    private String describe(BackendResponseException error) {
        return switch (error.status()) {
            case 400 -> text("accounts.signIn.invalid");
            case 401 -> text("accounts.signIn.wrong");
            case 429 -> text("accounts.signIn.tooMany");
            default -> text("accounts.signIn.failed");
        };
    }

    private void showError(String text) {
        message.setText(text);
        message.getElement().setAttribute("role", "alert");
        message.addClassName("langso-error");
    }

    private void showInfo(String text) {
        message.setText(text);
        message.getElement().setAttribute("role", "status");
        message.removeClassName("langso-error");
    }

    private String text(String key) {
        return translations.getTranslation(key, language.locale());
    }
}
