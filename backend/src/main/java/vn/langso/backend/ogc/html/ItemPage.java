package vn.langso.backend.ogc.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The page of one feature: a map of its geometry and a table of its properties. */
final class ItemPage {

    private static final Label PROPERTY = new Label("Thuộc tính", "Property");
    private static final Label VALUE = new Label("Giá trị", "Value");
    private static final Label CRS = new Label("Hệ tọa độ", "CRS");
    private static final Label MAP = new Label("Bản đồ của đối tượng", "Map of the feature");

    private ItemPage() {
    }

    static String render(JsonNode feature, HtmlContext context) {
        List<DocumentLink> links = DocumentLink.of(feature);
        String collectionHref = FeatureText.collectionHref(links);
        List<PageLayout.Crumb> trail = new ArrayList<>();
        trail.add(PageLayout.Crumb.of(PageLayout.BASE_PATH + "/collections?f=html", CollectionText.COLLECTIONS));
        if (collectionHref != null) {
            trail.add(PageLayout.Crumb.of(collectionHref + "?f=html", FeatureText.collectionId(collectionHref)));
            trail.add(PageLayout.Crumb.of(collectionHref + "/items?f=html", CollectionText.FEATURES));
        }

        return PageLayout.page(feature, context, trail, html -> {
            GeometrySvg.Shape shape = new GeometrySvg.Shape(feature.path("geometry"), null, FeatureText.name(feature));
            if (!GeometrySvg.append(html, List.of(shape), context.crs(), MAP.plain(context.vietnamese()))) {
                html.open("p", "note").label(FeatureText.NO_GEOMETRY).close("p");
            }

            html.raw("\n<table>\n<thead><tr>").element("th", PROPERTY).element("th", VALUE).raw("</tr></thead>\n<tbody>");
            html.raw("\n<tr>").element("th", FeatureText.ID).element("td", FeatureText.id(feature)).raw("</tr>");
            html.raw("\n<tr>").element("th", FeatureText.GEOMETRY)
                    .element("td", feature.path("geometry").path("type").asString("")).raw("</tr>");
            if (context.crs() != null) {
                html.raw("\n<tr>").element("th", CRS).open("td")
                        .link(context.crs().uri(), context.crs().uri()).close("td").raw("</tr>");
            }
            for (Map.Entry<String, JsonNode> property : feature.path("properties").properties()) {
                html.raw("\n<tr>").element("th", property.getKey()).open("td").value(property.getValue())
                        .close("td").raw("</tr>");
            }
            html.raw("\n</tbody>\n</table>");
        });
    }
}
