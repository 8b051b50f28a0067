package vn.langso.backend.ogc.html;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The landing page: the API's description and its links as a list. */
final class LandingPage {

    private static final Label LINKS = new Label("Liên kết", "Links");
    /** Relations whose target also has an HTML page. The list links that page, with the JSON beside it. */
    private static final Set<String> WITH_PAGE = Set.of("conformance", "data", "tiling-schemes", "tilesets-vector");

    private LandingPage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        return PageLayout.page(document, context, List.of(), html -> {
            html.element("p", document.path("description").asString(""));
            html.element("h2", LINKS).raw("\n<ul>");
            for (DocumentLink link : DocumentLink.of(document)) {
                if (link.hasRel("self") || link.hasRel("alternate")) {
                    continue;
                }
                html.raw("\n<li>");
                if (WITH_PAGE.stream().anyMatch(link::hasRel)) {
                    html.link(link.htmlHref(), link.relLabel()).raw(" · ").link(link.href(), PageLayout.formatName(link.type()));
                } else {
                    html.link(link.href(), link.relLabel()).raw(" <code>").text(link.type()).raw("</code>");
                }
                html.raw("</li>");
            }
            html.raw("\n</ul>");
        });
    }
}
