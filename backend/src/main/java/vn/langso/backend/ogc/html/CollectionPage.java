package vn.langso.backend.ogc.html;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The page of one collection: its metadata (extent, CRSs) and its links, with any link that the page does not place
 * itself (an export, for example) listed at the end.
 */
final class CollectionPage {

    private static final Label ID = new Label("Mã", "Id");
    private static final Label ITEM_TYPE = new Label("Kiểu đối tượng", "Item type");
    private static final Label STORAGE_CRS = new Label("Hệ tọa độ lưu trữ", "Storage CRS");
    private static final Label SUPPORTED_CRS = new Label("Hệ tọa độ hỗ trợ", "Supported CRSs");
    private static final Label LINKS = new Label("Liên kết", "Links");
    private static final Label OTHER_LINKS = new Label("Liên kết khác", "Other links");
    /** Relations that the page places in its own lines. */
    private static final Set<String> PLACED = Set.of("self", "alternate", "items", "queryables", "tilesets-vector");

    private CollectionPage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        List<PageLayout.Crumb> trail = List.of(
                PageLayout.Crumb.of(PageLayout.BASE_PATH + "/collections?f=html", CollectionText.COLLECTIONS));
        return PageLayout.page(document, context, trail, html -> {
            html.element("p", document.path("description").asString(""));
            appendMetadata(html, document, context);
            appendLinks(html, DocumentLink.of(document));
        });
    }

    private static void appendMetadata(HtmlBuilder html, JsonNode document, HtmlContext context) {
        JsonNode extent = document.path("extent");
        html.raw("\n<dl class=\"meta\">");
        html.element("dt", ID).open("dd").open("code").text(document.path("id").asString("")).close("code").close("dd");
        html.element("dt", ITEM_TYPE).element("dd", document.path("itemType").asString(""));
        if (document.has("featureCount")) {
            html.element("dt", CollectionText.FEATURE_COUNT)
                    .element("dd", CollectionText.count(document.path("featureCount"), context.language()));
        }
        html.element("dt", CollectionText.SPATIAL_EXTENT).open("dd").text(CollectionText.bbox(extent));
        String bboxCrs = extent.path("spatial").path("crs").asString("");
        if (!bboxCrs.isEmpty()) {
            html.raw(" (").link(bboxCrs, bboxCrs).raw(")");
        }
        html.close("dd");
        html.element("dt", CollectionText.TEMPORAL_EXTENT).element("dd", CollectionText.interval(extent));
        String storageCrs = document.path("storageCrs").asString("");
        html.element("dt", STORAGE_CRS).open("dd").link(storageCrs, storageCrs).close("dd");
        html.element("dt", SUPPORTED_CRS).open("dd").raw("<ul>");
        for (JsonNode crs : document.path("crs")) {
            html.raw("<li>").link(crs.asString(), crs.asString()).raw("</li>");
        }
        html.raw("</ul>").close("dd");
        html.raw("</dl>");
    }

    private static void appendLinks(HtmlBuilder html, List<DocumentLink> links) {
        html.raw("\n").element("h2", LINKS).raw("\n<ul>");
        html.raw("\n<li>").link(CollectionText.itemsPageHref(links), CollectionText.FEATURES);
        DocumentLink.find(links, "items", "application/geo+json")
                .ifPresent(geoJson -> html.raw(" · ").link(geoJson.href(), "GeoJSON"));
        html.raw("</li>");
        DocumentLink.find(links, "queryables").ifPresent(queryables ->
                html.raw("\n<li>").link(queryables.htmlHref(), CollectionText.QUERYABLES).raw("</li>"));
        DocumentLink.find(links, "tilesets-vector").ifPresent(tiles ->
                html.raw("\n<li>").link(tiles.htmlHref(), CollectionText.TILES).raw(" · ")
                        .link(tiles.href(), PageLayout.formatName(tiles.type())).raw("</li>"));
        html.raw("\n</ul>");

        List<DocumentLink> others = links.stream()
                .filter(link -> PLACED.stream().noneMatch(link::hasRel))
                .toList();
        if (others.isEmpty()) {
            return;
        }
        html.raw("\n").element("h2", OTHER_LINKS).raw("\n<ul>");
        for (DocumentLink link : others) {
            html.raw("\n<li>").link(link.href(), link.relLabel()).raw(" <code>").text(link.type()).raw("</code></li>");
        }
        html.raw("\n</ul>");
    }
}
