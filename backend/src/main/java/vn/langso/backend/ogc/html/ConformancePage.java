package vn.langso.backend.ogc.html;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The conformance page: each conformance class the API declares, as a link to its URI. */
final class ConformancePage {

    private static final Label INTRO = new Label(
            "API này đáp ứng các lớp tuân thủ sau của chuẩn OGC API và CQL2.",
            "This API meets the following conformance classes of OGC API and CQL2.");

    private ConformancePage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        return PageLayout.page(document, context, List.of(), html -> {
            html.element("p", INTRO).raw("\n<ul>");
            for (JsonNode conformanceClass : document.path("conformsTo")) {
                String uri = conformanceClass.asString();
                html.raw("\n<li>").link(uri, uri).raw("</li>");
            }
            html.raw("\n</ul>");
        });
    }
}
