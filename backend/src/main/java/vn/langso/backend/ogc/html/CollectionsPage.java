package vn.langso.backend.ogc.html;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The collections page: one table row per collection, with its extent and links to its features, queryables and tiles. */
final class CollectionsPage {

    private static final Label TITLE = new Label("Tên", "Title");
    private static final Label ID = new Label("Mã", "Id");
    private static final Label DESCRIPTION = new Label("Mô tả", "Description");
    private static final Label LINKS = new Label("Liên kết", "Links");
    private static final Label NONE = new Label("Chưa có tập dữ liệu nào.", "There are no collections yet.");

    private CollectionsPage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        return PageLayout.page(document, context, List.of(), html -> {
            JsonNode collections = document.path("collections");
            if (collections.isEmpty()) {
                html.open("p", "note").label(NONE).close("p");
                return;
            }
            html.raw("<table>\n<thead><tr>");
            for (Label header : List.of(TITLE, ID, DESCRIPTION, CollectionText.FEATURE_COUNT,
                    CollectionText.SPATIAL_EXTENT, CollectionText.TEMPORAL_EXTENT, LINKS)) {
                html.element("th", header);
            }
            html.raw("</tr></thead>\n<tbody>");
            for (JsonNode collection : collections) {
                appendRow(html, collection, context);
            }
            html.raw("\n</tbody>\n</table>");
        });
    }

    private static void appendRow(HtmlBuilder html, JsonNode collection, HtmlContext context) {
        List<DocumentLink> links = DocumentLink.of(collection);
        String pageHref = DocumentLink.find(links, "self").map(DocumentLink::htmlHref).orElse(null);
        String id = collection.path("id").asString("");

        html.raw("\n<tr>");
        html.open("td").link(pageHref, collection.path("title").asString(id)).close("td");
        html.open("td").open("code").link(pageHref, id).close("code").close("td");
        html.element("td", collection.path("description").asString(""));
        html.open("td", "number");
        if (collection.has("featureCount")) {
            html.text(CollectionText.count(collection.path("featureCount"), context.language()));
        }
        html.close("td");
        html.element("td", CollectionText.bbox(collection.path("extent")));
        html.element("td", CollectionText.interval(collection.path("extent")));

        html.open("td").open("ul", "plain").open("li");
        html.link(CollectionText.itemsPageHref(links), CollectionText.FEATURES);
        DocumentLink.find(links, "items", "application/geo+json")
                .ifPresent(geoJson -> html.raw(" · ").link(geoJson.href(), "GeoJSON"));
        html.close("li");
        DocumentLink.find(links, "queryables").ifPresent(queryables ->
                html.open("li").link(queryables.htmlHref(), CollectionText.QUERYABLES).close("li"));
        DocumentLink.find(links, "tilesets-vector").ifPresent(tiles ->
                html.open("li").link(tiles.htmlHref(), CollectionText.TILES).close("li"));
        html.close("ul").close("td");
        html.raw("</tr>");
    }
}
