package vn.langso.ui.map;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import java.util.List;
import vn.langso.ui.accounts.SignedInUser;
import vn.langso.ui.accounts.UiSession;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;

/**
 * The map page's links to the other pages: sending a report, the report inbox and the planning analyses. The inbox
 * link is shown only to the roles whose inbox the backend fills; the backend still decides which reports each user
 * may read.
 */
class HeaderNavigation extends Nav {

    /** Roles that handle reports, as the backend names them in the signed-in user's token response. */
    static final List<String> INBOX_ROLES = List.of("commune_official", "agency_staff", "province_admin");

    HeaderNavigation(UiLanguage language, TranslationProvider translations) {
        setId("header-navigation");
        addClassName("langso-header-navigation");
        getStyle().set("display", "flex").set("gap", "1rem").set("flex-wrap", "wrap");
        String query = "?" + MapView.LANGUAGE_PARAMETER + "=" + language.code();

        add(link("nav-report-new", "reports/new" + query, translations.getTranslation("navigation.reportNew", language.locale())));
        if (UiSession.currentUser().filter(HeaderNavigation::handlesReports).isPresent()) {
            add(link("nav-report-inbox", "reports/inbox" + query,
                    translations.getTranslation("navigation.reportInbox", language.locale())));
        }
        add(link("open-analyses", "analyses" + query, translations.getTranslation("analyses.openFromMap", language.locale())));
    }

    private static boolean handlesReports(SignedInUser user) {
        return INBOX_ROLES.stream().anyMatch(user::has);
    }

    private static Anchor link(String id, String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.setId(id);
        return anchor;
    }
}
