package vn.langso.backend.ogc.html;

import tools.jackson.databind.JsonNode;

/** Renders the HTML page of one kind of OGC API document from the same JSON document that the JSON response holds. */
@FunctionalInterface
public interface HtmlView {

    String render(JsonNode document, HtmlContext context);
}
