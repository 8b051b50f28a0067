package vn.langso.ui.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.ui.accounts.AccountMenu;
import vn.langso.ui.backend.BackendClient;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.backend.CommuneMatch;
import vn.langso.ui.backend.LayerSummary;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.cameras.CameraOverlay;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.rooms.RoomsMapOverlay;
import vn.langso.ui.traceability.TraceabilityOverlay;

/**
 * The map page at the root: header with title, commune search and language switch; layer switcher beside the map.
 * The language comes from {@code ?lang=vi|en}, then from the session, then defaults to Vietnamese.
 */
@Route("")
public class MapView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String LANGUAGE_PARAMETER = "lang";

    private static final Logger log = LoggerFactory.getLogger(MapView.class);
    private static final String SESSION_LANGUAGE = MapView.class.getName() + ".language";

    private final BackendClient backendClient;
    private final BackendProperties backendProperties;
    private final TranslationProvider translations;

    private UiLanguage language = UiLanguage.DEFAULT;
    private final Div searchResults = new Div();

    public MapView(BackendClient backendClient, BackendProperties backendProperties, TranslationProvider translations) {
        this.backendClient = backendClient;
        this.backendProperties = backendProperties;
        this.translations = translations;

        setSizeFull();
        setPadding(false);
        setSpacing(false);
        addClassName("langso-map-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = chooseLanguage(event);
        VaadinSession.getCurrent().setAttribute(SESSION_LANGUAGE, language);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());

        removeAll();
        build();
    }

    @Override
    public String getPageTitle() {
        return translations.getTranslation("app.title", language.locale());
    }

    /** Chooses the page language: {@code ?lang=}, then the language remembered in the session, then Vietnamese. */
    public static UiLanguage chooseLanguage(BeforeEnterEvent event) {
        List<String> requested = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(LANGUAGE_PARAMETER, List.of());
        Optional<UiLanguage> fromQuery = requested.stream().map(UiLanguage::fromCode).flatMap(Optional::stream).findFirst();
        if (fromQuery.isPresent()) {
            return fromQuery.get();
        }
        if (VaadinSession.getCurrent().getAttribute(SESSION_LANGUAGE) instanceof UiLanguage remembered) {
            return remembered;
        }
        return UiLanguage.DEFAULT;
    }

    private void build() {
        BackendErrorNotifier errorNotifier = new BackendErrorNotifier(
                (key, params) -> translations.getTranslation(key, language.locale(), params));

        LangsoMap map = new LangsoMap();
        map.setSizeFull();
        map.setBackendUrl(backendProperties.publicUrl().toString());
        map.setLanguage(language);
        map.setLabels(translations.translationsWithPrefix("map.", language));
        map.addLoadFailedListener(event -> errorNotifier.notifyMapLoadFailed(event.url()));

        LayerSwitcher layerSwitcher = new LayerSwitcher(map::setVisibleLayers);
        loadLayers(map, layerSwitcher, errorNotifier);

        CommuneSearch search = new CommuneSearch(backendClient, map, errorNotifier, matches -> showResults(map, matches));

        searchResults.setId("commune-search-results");
        searchResults.removeAll();

        VerticalLayout sidePanel = new VerticalLayout(layerSwitcher, searchResults);
        sidePanel.addClassName("langso-side-panel");
        sidePanel.setWidth("18rem");
        sidePanel.setHeightFull();

        HorizontalLayout body = new HorizontalLayout(sidePanel, map);
        body.setSizeFull();
        body.setSpacing(false);
        body.setFlexGrow(1, map);

        add(header(search), body);
        featureOverlays().forEach(this::add);
        setFlexGrow(1, body);
    }

    /**
     * Returns the invisible components that add each feature's live layer to the map: cameras with their status,
     * rooms at their clubs and captured traceability events. Each one finds the map element in the page and draws
     * over it from its own script.
     */
    private List<Component> featureOverlays() {
        String backendUrl = backendProperties.publicUrl().toString();
        return List.of(
                CameraOverlay.forMap(backendProperties, translations, language),
                new RoomsMapOverlay(backendUrl, translations.translationsWithPrefix("rooms.map.", language)),
                new TraceabilityOverlay(backendUrl));
    }

    private HorizontalLayout header(CommuneSearch search) {
        H1 title = new H1(translations.getTranslation("app.title", language.locale()));
        title.setId("app-title");

        HorizontalLayout languageSwitch = new HorizontalLayout(languageLink(UiLanguage.VI), languageLink(UiLanguage.EN));
        languageSwitch.setId("language-switch");
        languageSwitch.getElement().setAttribute("aria-label", translations.getTranslation("language.label", language.locale()));

        HorizontalLayout header = new HorizontalLayout(title, search, new HeaderNavigation(language, translations), languageSwitch,
                new AccountMenu(language.locale(), translations::getTranslation));
        header.addClassName("langso-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setFlexGrow(1, search);
        return header;
    }

    private Anchor languageLink(UiLanguage target) {
        Anchor link = new Anchor("?" + LANGUAGE_PARAMETER + "=" + target.code(),
                translations.getTranslation("language." + target.code(), language.locale()));
        link.setId("lang-" + target.code());
        link.getElement().setAttribute("hreflang", target.code());
        if (target == language) {
            link.getElement().setAttribute("aria-current", "true");
            link.addClassName("langso-current-language");
        }
        return link;
    }

    private void loadLayers(LangsoMap map, LayerSwitcher layerSwitcher, BackendErrorNotifier errorNotifier) {
        try {
            List<LayerSummary> layers = backendClient.layers();
            map.setLayers(layers, language);
            layerSwitcher.showLayers(layers, language);
            map.setVisibleLayers(layerSwitcher.checkedLayers());
        } catch (BackendUnavailableException | BackendResponseException e) {
            log.warn("Layer list unavailable, showing the map without point layers: {}", e.getMessage());
            map.setLayers(List.of(), language);
            layerSwitcher.showUnavailable();
            errorNotifier.notifyFailure(e);
        }
    }

    /** Lists all matches of a search in the side panel, each a button that zooms to it; one match needs no list. */
    private void showResults(LangsoMap map, List<CommuneMatch> matches) {
        searchResults.removeAll();
        if (matches.size() < 2) {
            return;
        }
        searchResults.add(new H2(translations.getTranslation("search.results", language.locale())));
        for (CommuneMatch match : matches) {
            Button button = new Button(CommuneSearch.label(this, match), event -> map.showCommune(match));
            button.addThemeVariants(ButtonVariant.TERTIARY);
            button.addClassName("commune-result");
            button.getElement().setAttribute("data-code", match.code());
            searchResults.add(button);
        }
    }
}
