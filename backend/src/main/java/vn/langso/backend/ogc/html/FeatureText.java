package vn.langso.backend.ogc.html;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/** Labels and links shared by the items page and the page of one feature. */
final class FeatureText {

    static final Label ID = new Label("Mã", "Id");
    static final Label GEOMETRY = new Label("Hình học", "Geometry");
    static final Label NO_GEOMETRY = new Label("Không có hình học để vẽ.", "There is no geometry to draw.");

    private FeatureText() {
    }

    /** Returns the feature id as text: a number or a code. */
    static String id(JsonNode feature) {
        return feature.path("id").asString("");
    }

    /** Returns the name to show for a feature: its {@code name} property, else its id. */
    static String name(JsonNode feature) {
        String name = feature.path("properties").path("name").asString("");
        return name.isBlank() ? id(feature) : name;
    }

    /** Returns the URL of the collection from the document's {@code collection} link, or null. */
    static String collectionHref(List<DocumentLink> links) {
        return DocumentLink.find(links, "collection").map(link -> withoutQuery(link.href())).orElse(null);
    }

    /** Returns the HTML page of a feature below {@code collectionHref}, or null when either is unknown. */
    static String itemPageHref(String collectionHref, String id) {
        if (collectionHref == null || id.isEmpty()) {
            return null;
        }
        return collectionHref + "/items/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "?f=html";
    }

    /** Returns the last path segment of a collection URL: its collection id, or the URL when it has no path. */
    static String collectionId(String collectionHref) {
        int slash = collectionHref.lastIndexOf('/');
        return slash < 0 ? collectionHref : UriUtils.decode(collectionHref.substring(slash + 1), StandardCharsets.UTF_8);
    }

    private static String withoutQuery(String href) {
        int query = href.indexOf('?');
        return query < 0 ? href : href.substring(0, query);
    }
}
