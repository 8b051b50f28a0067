package vn.langso.ui.accounts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;
import java.util.function.BiFunction;

/** The header's account area: a sign-in link, or the signed-in user's name, the audit page for admins and sign-out. */
public class AccountMenu extends HorizontalLayout {

    /**
     * @param locale    the page language
     * @param translate looks up a translation key in the locale
     */
    public AccountMenu(Locale locale, BiFunction<String, Locale, String> translate) {
        setId("account-menu");
        setAlignItems(Alignment.CENTER);
        String lang = "?lang=" + locale.getLanguage();
        UiSession.currentUser().ifPresentOrElse(user -> {
            Span name = new Span(user.displayName());
            name.setId("signed-in-user");
            add(name);
            if (user.has("province_admin")) {
                Anchor audit = new Anchor("admin/audit" + lang, translate.apply("accounts.audit.link", locale));
                audit.setId("audit-link");
                add(audit);
            }
            Button signOut = new Button(translate.apply("accounts.signOut", locale), event -> {
                UiSession.signOut();
                UI.getCurrent().getPage().reload();
            });
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.TERTIARY);
            add(signOut);
        }, () -> {
            Anchor signIn = new Anchor("sign-in" + lang, translate.apply("accounts.signIn.link", locale));
            signIn.setId("sign-in-link");
            add(signIn);
        });
    }
}
