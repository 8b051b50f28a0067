package vn.langso.backend.ogc.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A member of a document's {@code links} array, read back from the JSON document that the page shows.
 *
 * @param rel  the relation type, a registered name or an OGC URI
 * @param href the target, not yet checked, because {@link HtmlBuilder#link} links only safe targets
 * @param type the media type of the target, or an empty string
 */
record DocumentLink(String rel, String href, String type) {

    private static final String OGC_REL_PREFIX = "http://www.opengis.net/def/rel/ogc/1.0/";

    /** Names of relation types in both languages. OGC relation URIs are looked up by their last segment. */
    private static final Map<String, Label> REL_LABELS = Map.ofEntries(
            Map.entry("self", new Label("Trang này", "This document")),
            Map.entry("alternate", new Label("Định dạng khác", "Other format")),
            Map.entry("service-desc", new Label("Mô tả API dạng OpenAPI", "OpenAPI definition")),
            Map.entry("service-doc", new Label("Tài liệu API", "API documentation")),
            Map.entry("conformance", new Label("Các lớp tuân thủ chuẩn", "Conformance classes")),
            Map.entry("data", new Label("Các tập dữ liệu", "Collections")),
            Map.entry("items", new Label("Các đối tượng", "Features")),
            Map.entry("collection", new Label("Tập dữ liệu", "Collection")),
            Map.entry("next", new Label("Trang sau", "Next page")),
            Map.entry("prev", new Label("Trang trước", "Previous page")),
            Map.entry("queryables", new Label("Thuộc tính lọc được", "Queryables")),
            Map.entry("tiling-schemes", new Label("Lưới ô bản đồ", "Tile matrix sets")),
            Map.entry("tilesets-vector", new Label("Ô bản đồ vector", "Vector tiles")));

    /** Reads the links of {@code document}, skipping members without an href. */
    static List<DocumentLink> of(JsonNode document) {
        List<DocumentLink> links = new ArrayList<>();
        for (JsonNode link : document.path("links")) {
            String href = link.path("href").asString("");
            if (!href.isEmpty()) {
                links.add(new DocumentLink(link.path("rel").asString(""), href, link.path("type").asString("")));
            }
        }
        return links;
    }

    /** Finds the first link of {@code rel} (a name, or the last segment of an OGC relation URI). */
    static Optional<DocumentLink> find(List<DocumentLink> links, String rel) {
        return links.stream().filter(link -> link.hasRel(rel)).findFirst();
    }

    /** Finds the first link of {@code rel} whose media type is {@code type}. */
    static Optional<DocumentLink> find(List<DocumentLink> links, String rel, String type) {
        return links.stream().filter(link -> link.hasRel(rel) && link.type.equals(type)).findFirst();
    }

    boolean hasRel(String name) {
        return rel.equals(name) || rel.equals(OGC_REL_PREFIX + name);
    }

    boolean isHtml() {
        return type.equals("text/html");
    }

    /** Returns the label of the relation type, or a label that is the relation type itself when it is unknown. */
    Label relLabel() {
        String name = rel.startsWith(OGC_REL_PREFIX) ? rel.substring(OGC_REL_PREFIX.length()) : rel;
        Label label = REL_LABELS.get(name);
        return label != null ? label : new Label(rel, rel);
    }

    /** Returns the href with {@code f=html}, for links to OGC resources that also have a page. */
    String htmlHref() {
        return withFormat(href, "html");
    }

    /** Returns {@code href} with the query parameter {@code f} set, keeping its other parameters as they are. */
    static String withFormat(String href, String format) {
        return UriComponentsBuilder.fromUriString(href).replaceQueryParam("f", format).build(false).toUriString();
    }
}
