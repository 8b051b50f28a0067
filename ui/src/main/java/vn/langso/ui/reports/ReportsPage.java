package vn.langso.ui.reports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/**
 * Common frame of the report pages: the page language (as on the map page: {@code ?lang=}, then the session, then
 * Vietnamese), a header with the title and the language switch, and error messages for failed API calls.
 */
@JsModule("./reports-styles.js")
abstract class ReportsPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ReportsPage.class);
    /** The session attribute in which the map page keeps the chosen language, so that both pages share it. */
    private static final String SESSION_LANGUAGE = MapView.class.getName() + ".language";

    protected final ReportsClient client;
    protected final ReportMediaLimits limits;
    protected final TranslationProvider translations;
    protected UiLanguage language = UiLanguage.DEFAULT;

    private final Div errorBox = new Div();

    protected ReportsPage(ReportsClient client, ReportMediaLimits limits, TranslationProvider translations) {
        this.client = client;
        this.limits = limits;
        this.translations = translations;
        addClassName("reports-page");
        setWidthFull();
        errorBox.setId("reports-error");
        errorBox.addClassName("reports-error");
        errorBox.getElement().setAttribute("role", "alert");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        VaadinSession.getCurrent().setAttribute(SESSION_LANGUAGE, language);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());

        removeAll();
        clearError();
        add(header(event.getLocation().getPath()));
        add(errorBox);
        build(event);
    }

    @Override
    public String getPageTitle() {
        return translations.getTranslation(titleKey(), language.locale()) + " — Làng Số";
    }

    /** Returns the translation key of the page's title. */
    protected abstract String titleKey();

    /** Adds the page's content below the header; called on every navigation to the page. */
    protected abstract void build(BeforeEnterEvent event);

    protected String t(String key, Object... params) {
        return translations.getTranslation(key, language.locale(), params);
    }

    /** Labels of the map texts, keyed without {@code map.}, for {@link ReportsMap}. */
    protected Map<String, String> mapLabels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>(translations.translationsWithPrefix("map.", language));
        labels.put("reportsLayer", t("reports.map.layer"));
        return labels;
    }

    protected ReportsMap newMap() {
        return new ReportsMap(client.browserBaseUrl(), language, mapLabels());
    }

    /** Shows why a call failed above the content and logs it without personal data. */
    protected void showError(RuntimeException failure, ReportProblemMessages.Action action) {
        String text = new ReportProblemMessages(this::t, limits).message(failure, action);
        log.info("{} failed on {}: {}", action, getClass().getSimpleName(), failure.getMessage());
        showErrorText(text);
    }

    /** Shows the text in the alert box above the content and scrolls to it, because on a phone it is off screen. */
    protected void showErrorText(String text) {
        errorBox.setText(text);
        errorBox.setVisible(true);
        errorBox.scrollIntoView();
    }

    protected void clearError() {
        errorBox.setText("");
        errorBox.setVisible(false);
    }

    protected void notifySuccess(String text) {
        Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    /** Builds the header; links are relative to the app root, which Vaadin sets as the page's base URL. */
    private HorizontalLayout header(String path) {
        H1 title = new H1(t(titleKey()));
        title.setId("reports-title");

        Anchor mapLink = new Anchor("./?" + MapView.LANGUAGE_PARAMETER + "=" + language.code(), t("reports.nav.map"));
        mapLink.setId("reports-map-link");
        HorizontalLayout links = new HorizontalLayout(mapLink, languageLink(path, UiLanguage.VI),
                languageLink(path, UiLanguage.EN));
        links.setId("reports-language-switch");
        links.setAlignItems(FlexComponent.Alignment.CENTER);

        HorizontalLayout header = new HorizontalLayout(title, links);
        header.addClassNames("reports-header", "reports-wrap");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        return header;
    }

    private Anchor languageLink(String path, UiLanguage target) {
        Anchor link = new Anchor(path + "?" + MapView.LANGUAGE_PARAMETER + "=" + target.code(),
                translations.getTranslation("language." + target.code(), language.locale()));
        link.setId("reports-lang-" + target.code());
        link.getElement().setAttribute("hreflang", target.code());
        if (target == language) {
            link.getElement().setAttribute("aria-current", "true");
        }
        return link;
    }
}
