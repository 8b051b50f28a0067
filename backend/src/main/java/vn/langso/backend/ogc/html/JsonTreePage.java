package vn.langso.backend.ogc.html;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The page of documents that have no page of their own, such as queryables and the OpenAPI document: the document as
 * nested lists, with every {@code href} as a link.
 */
final class JsonTreePage {

    /** Nesting deeper than this is cut, so that a deep document cannot make a huge page. */
    private static final int MAX_DEPTH = 12;

    private JsonTreePage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        return PageLayout.page(document, context, List.of(), html -> appendNode(html, "", document, 0));
    }

    private static void appendNode(HtmlBuilder html, String name, JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            html.text("…");
        } else if (node.isObject()) {
            html.open("dl", "tree");
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                html.element("dt", member.getKey()).open("dd");
                appendNode(html, member.getKey(), member.getValue(), depth + 1);
                html.close("dd");
            }
            html.close("dl");
        } else if (node.isArray()) {
            html.open("ol");
            for (JsonNode element : node) {
                html.open("li");
                appendNode(html, name, element, depth + 1);
                html.close("li");
            }
            html.close("ol");
        } else if (node.isNull() || node.isMissingNode()) {
            html.raw("<i>null</i>");
        } else if (name.equals("href") && !node.asString().contains("{")) {
            // A templated href, such as a tile URL with {tileMatrix}, stays text because following it gives 400.
            html.link(node.asString(), node.asString());
        } else {
            html.text(node.asString());
        }
    }
}
