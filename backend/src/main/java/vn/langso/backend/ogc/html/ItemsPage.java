package vn.langso.backend.ogc.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A page of features: how many match, the links to the previous and next pages (taken from the document, so they
 * keep the request's filters), a map of the page's geometries and a table with one column per property.
 */
final class ItemsPage {

    private static final Label NUMBER_MATCHED = new Label("Số đối tượng khớp", "Number matched");
    private static final Label NUMBER_RETURNED = new Label("Số đối tượng trên trang này", "Number returned");
    private static final Label PAGES = new Label("Các trang", "Pages");
    private static final Label MAP = new Label("Bản đồ các đối tượng trên trang này", "Map of the features on this page");
    private static final Label NONE = new Label("Không có đối tượng nào khớp.", "No features match.");
    private static final Label COLLECTION = new Label("Thông tin tập dữ liệu", "About the collection");

    private ItemsPage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        List<DocumentLink> links = DocumentLink.of(document);
        String collectionHref = FeatureText.collectionHref(links);
        List<PageLayout.Crumb> trail = new ArrayList<>();
        trail.add(PageLayout.Crumb.of(PageLayout.BASE_PATH + "/collections?f=html", CollectionText.COLLECTIONS));
        if (collectionHref != null) {
            // The page's title is the collection's title, so the trail names the collection by it.
            trail.add(PageLayout.Crumb.of(collectionHref + "?f=html", context.title()));
        }

        return PageLayout.page(document, context, trail, html -> {
            JsonNode features = document.path("features");
            appendCounts(html, document);
            appendPager(html, links);
            if (features.isEmpty()) {
                html.open("p", "note").label(NONE).close("p");
            } else {
                appendMap(html, features, collectionHref, context);
                appendTable(html, features, collectionHref);
                appendPager(html, links);
            }
            DocumentLink.find(links, "collection").ifPresent(collection ->
                    html.raw("\n<p>").link(collection.htmlHref(), COLLECTION).raw("</p>"));
        });
    }

    private static void appendCounts(HtmlBuilder html, JsonNode document) {
        html.raw("<p>");
        if (document.has("numberMatched")) {
            html.label(NUMBER_MATCHED).raw(": ").text(document.path("numberMatched").asString()).raw(" · ");
        }
        html.label(NUMBER_RETURNED).raw(": ").text(document.path("numberReturned").asString()).raw("</p>\n");
    }

    /** Appends the previous and next links, when the document has either. */
    private static void appendPager(HtmlBuilder html, List<DocumentLink> links) {
        var previous = DocumentLink.find(links, "prev");
        var next = DocumentLink.find(links, "next");
        if (previous.isEmpty() && next.isEmpty()) {
            return;
        }
        html.raw("<nav class=\"pager\" aria-label=\"").text(PAGES.plain(html.vietnamese())).raw("\">");
        previous.ifPresent(link -> html.raw("<span class=\"prev\">« ").link(link.href(), link.relLabel()).raw("</span>"));
        next.ifPresent(link -> html.raw("<span class=\"next\">").link(link.href(), link.relLabel()).raw(" »</span>"));
        html.raw("</nav>\n");
    }

    private static void appendMap(HtmlBuilder html, JsonNode features, String collectionHref, HtmlContext context) {
        List<GeometrySvg.Shape> shapes = new ArrayList<>();
        for (JsonNode feature : features) {
            shapes.add(new GeometrySvg.Shape(feature.path("geometry"),
                    FeatureText.itemPageHref(collectionHref, FeatureText.id(feature)), FeatureText.name(feature)));
        }
        if (!GeometrySvg.append(html, shapes, context.crs(), MAP.plain(context.vietnamese()))) {
            html.open("p", "note").label(FeatureText.NO_GEOMETRY).close("p");
        }
        html.raw("\n");
    }

    private static void appendTable(HtmlBuilder html, JsonNode features, String collectionHref) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode feature : features) {
            feature.path("properties").propertyNames().forEach(columns::add);
        }

        html.raw("<table>\n<thead><tr>").element("th", FeatureText.ID);
        columns.forEach(column -> html.element("th", column));
        html.element("th", FeatureText.GEOMETRY).raw("</tr></thead>\n<tbody>");
        for (JsonNode feature : features) {
            String id = FeatureText.id(feature);
            html.raw("\n<tr>").open("td").link(FeatureText.itemPageHref(collectionHref, id), id).close("td");
            JsonNode properties = feature.path("properties");
            for (String column : columns) {
                JsonNode value = properties.get(column);
                html.open("td", value != null && value.isNumber() ? "number" : "text").value(value).close("td");
            }
            html.element("td", feature.path("geometry").path("type").asString("")).raw("</tr>");
        }
        html.raw("\n</tbody>\n</table>\n");
    }
}
