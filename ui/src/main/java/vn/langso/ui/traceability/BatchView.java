package vn.langso.ui.traceability;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import vn.langso.ui.backend.BackendProperties;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;
import vn.langso.ui.i18n.UiLanguage;
import vn.langso.ui.map.MapView;

/**
 * The public consumer page of a product batch, reached through its GS1 Digital Link path {@code /01/{gtin}/10/{lot}}
 * (printed as a QR code on the package): the product, its growing areas on a map, its certifications and its
 * journey. It shows only what the events and the place registers publish, nothing personal.
 */
@Route("01/:gtin/10/:lot")
public class BatchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(BatchView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final BatchClient client;
    private final BackendProperties backendProperties;
    private final TranslationProvider translations;
    private UiLanguage language = UiLanguage.DEFAULT;
    private String title = "";

    public BatchView(BatchClient client, BackendProperties backendProperties, TranslationProvider translations) {
        this.client = client;
        this.backendProperties = backendProperties;
        this.translations = translations;
        setId("batch-page");
        addClassName("langso-batch-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        language = MapView.chooseLanguage(event);
        UI.getCurrent().setLocale(language.locale());
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", language.code());
        String gtin = event.getRouteParameters().get("gtin").orElse("");
        String lot = event.getRouteParameters().get("lot").orElse("");

        removeAll();
        add(languageLinks());
        Optional<JsonNode> summary;
        try {
            summary = client.summary(gtin, lot);
        } catch (BackendUnavailableException e) {
            log.warn("Consumer page of {} / {} unavailable: {}", gtin, lot, e.getMessage());
            title = text("traceability.unavailable");
            add(message("batch-unavailable", title));
            return;
        }
        if (summary.isEmpty()) {
            title = text("traceability.notFound.title");
            add(new H1(title), message("batch-not-found", text("traceability.notFound.detail", gtin, lot)));
            return;
        }
        build(summary.get(), gtin, lot);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void build(JsonNode summary, String gtin, String lot) {
        JsonNode product = summary.path("product");
        String name = product.isObject()
                ? product.path(language == UiLanguage.EN ? "nameEn" : "nameVi").asString()
                : text("traceability.unknownProduct");
        title = name;
        H1 heading = new H1(name);
        heading.setId("batch-product");

        String digitalLink = digitalLinkBase() + "/01/" + summary.path("gtin").asString() + "/10/"
                + java.net.URLEncoder.encode(summary.path("lot").asString(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        Paragraph identity = new Paragraph(text("traceability.identity", summary.path("gtin").asString(),
                summary.path("lot").asString()));
        identity.setId("batch-identity");
        Anchor link = new Anchor(digitalLink, digitalLink);
        link.setId("batch-digital-link");
        Div qr = new Div();
        qr.setId("batch-qr");
        qr.getElement().setProperty("innerHTML", QrCode.encode(digitalLink).toSvg(4));
        qr.getElement().setAttribute("aria-label", text("traceability.qr"));
        qr.getElement().setAttribute("data-content", digitalLink);

        add(heading, identity, new HorizontalLayout(qr, link));
        addAreas(summary.path("growingAreas"), summary.path("journey"));
        addCertifications(summary.path("certifications"));
        addJourney(summary.path("journey").path("properties").path("stops"));
    }

    private void addAreas(JsonNode areas, JsonNode journey) {
        add(new H2(text("traceability.areas")));
        BatchMap map = new BatchMap(backendProperties.publicUrl().toString(), areas.toString(), journey.toString());
        map.setWidth("100%");
        map.setHeight("22rem");
        add(map);
        UnorderedList list = new UnorderedList();
        list.setId("batch-areas");
        for (JsonNode area : areas.path("features")) {
            JsonNode properties = area.path("properties");
            list.add(new ListItem(properties.path("name").asString() + " (" + properties.path("areaCode").asString() + ")"));
        }
        if (list.getChildren().findAny().isEmpty()) {
            list.add(new ListItem(text("traceability.areas.none")));
        }
        add(list);
    }

    private void addCertifications(JsonNode certifications) {
        add(new H2(text("traceability.certifications")));
        UnorderedList list = new UnorderedList();
        list.setId("batch-certifications");
        certifications.values().forEach(certificate -> list.add(new ListItem(certificate.asString())));
        if (certifications.isEmpty()) {
            list.add(new ListItem(text("traceability.certifications.none")));
        }
        add(list);
    }

    private void addJourney(JsonNode stops) {
        add(new H2(text("traceability.journey")));
        Map<String, String> steps = translations.translationsWithPrefix("traceability.bizStep.", language);
        OrderedList list = new OrderedList();
        list.setId("batch-journey");
        for (JsonNode stop : stops) {
            String step = stop.path("bizStep").asString("");
            String place = stop.path("place").isString() ? stop.path("place").asString()
                    : stop.path("readPoint").asString(text("traceability.place.unknown"));
            ListItem item = new ListItem(new Span(formatTime(stop.path("time").asString(""))), new Span(" — "),
                    new Span(steps.getOrDefault(step, step.isEmpty() ? text("traceability.bizStep.unknown") : step)),
                    new Span(" — " + place));
            item.getElement().setAttribute("data-biz-step", step);
            list.add(item);
        }
        add(list);
    }

    private HorizontalLayout languageLinks() {
        HorizontalLayout links = new HorizontalLayout();
        for (UiLanguage target : UiLanguage.values()) {
            Anchor link = new Anchor("?" + MapView.LANGUAGE_PARAMETER + "=" + target.code(),
                    translations.getTranslation("language." + target.code(), language.locale()));
            link.setId("batch-lang-" + target.code());
            links.add(link);
        }
        links.add(new Anchor("/", text("traceability.backToMap")));
        return links;
    }

    private static Paragraph message(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    private static String formatTime(String time) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(time);
            return TIME.format(parsed) + " (UTC" + parsed.getOffset().getId().replace("Z", "+00:00") + ")";
        } catch (DateTimeParseException e) {
            return time;
        }
    }

    /** Returns scheme, host and port of the request that opened the page, so the QR code resolves to this server. */
    private static String digitalLinkBase() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof com.vaadin.flow.server.VaadinServletRequest servletRequest) {
            StringBuffer url = servletRequest.getHttpServletRequest().getRequestURL();
            String uri = servletRequest.getHttpServletRequest().getRequestURI();
            return url.substring(0, url.length() - uri.length());
        }
        return "";
    }

    private String text(String key, Object... parameters) {
        return translations.getTranslation(key, language.locale(), parameters);
    }
}
