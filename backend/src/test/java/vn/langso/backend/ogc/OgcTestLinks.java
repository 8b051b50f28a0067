package vn.langso.backend.ogc;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads the links of OGC API responses in tests. */
final class OgcTestLinks {

    private OgcTestLinks() {
    }

    /** Returns the first link of each rel. */
    static Map<String, JsonNode> byRel(JsonNode document) {
        Map<String, JsonNode> links = new LinkedHashMap<>();
        document.path("links").forEach(link -> links.putIfAbsent(link.path("rel").asString(), link));
        return links;
    }

    /** Returns the href of the first link with this rel, or null. */
    static String href(JsonNode document, String rel) {
        JsonNode link = byRel(document).get(rel);
        return link == null ? null : link.path("href").asString();
    }
}
