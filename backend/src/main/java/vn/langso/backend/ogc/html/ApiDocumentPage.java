package vn.langso.backend.ogc.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The page of the OpenAPI document: the API's description, then one table row per operation with its path, method,
 * summary and parameters. The whole document, with the schemas, stays one click away as JSON; a tree of it in HTML
 * ran to thousands of nested lists that no one reads.
 */
final class ApiDocumentPage {

    private static final Label PATH = new Label("Đường dẫn", "Path");
    private static final Label METHOD = new Label("Phương thức", "Method");
    private static final Label SUMMARY = new Label("Mô tả", "Summary");
    private static final Label PARAMETERS = new Label("Tham số", "Parameters");
    private static final Label SERVER = new Label("Địa chỉ gốc", "Base URL");
    private static final Label WHOLE_DOCUMENT = new Label("Toàn bộ tài liệu OpenAPI (JSON, kèm các lược đồ)",
            "The whole OpenAPI document (JSON, with the schemas)");
    private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete", "options");

    private ApiDocumentPage() {
    }

    static String render(JsonNode document, HtmlContext context) {
        return PageLayout.page(document, context, List.of(), html -> {
            JsonNode info = document.path("info");
            html.element("p", info.path("description").asString(""));
            String server = document.path("servers").path(0).path("url").asString("");
            if (!server.isEmpty()) {
                html.open("p").label(SERVER).raw(": ").open("code").link(server + "?f=html", server)
                        .close("code").close("p");
                html.open("p").link(server + "/api?f=json", WHOLE_DOCUMENT).close("p");
            }

            html.raw("\n<table>\n<thead><tr>");
            for (Label header : List.of(PATH, METHOD, SUMMARY, PARAMETERS)) {
                html.element("th", header);
            }
            html.raw("</tr></thead>\n<tbody>");
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                appendOperations(html, server, path.getKey(), path.getValue(), document);
            }
            html.raw("\n</tbody>\n</table>");
        });
    }

    private static void appendOperations(HtmlBuilder html, String server, String path, JsonNode item,
                                         JsonNode document) {
        for (String method : METHODS) {
            JsonNode operation = item.path(method);
            if (operation.isMissingNode()) {
                continue;
            }
            html.raw("\n<tr>").open("td").open("code");
            if (method.equals("get") && !path.contains("{") && !server.isEmpty()) {
                // A path without variables can be followed; one with {collectionId} would only give a 404.
                html.link(server + path, path);
            } else {
                html.text(path);
            }
            html.close("code").close("td");
            html.element("td", method.toUpperCase(Locale.ROOT));
            html.element("td", operation.path("summary").asString(operation.path("description").asString("")));
            html.open("td").text(String.join(", ", parameterNames(item, operation, document))).close("td");
            html.raw("</tr>");
        }
    }

    /** Returns the names of an operation's parameters and of its path's, following references to shared ones. */
    private static List<String> parameterNames(JsonNode item, JsonNode operation, JsonNode document) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameters : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(parameter, document);
                String name = resolved.path("name").asString("");
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Follows a local {@code $ref} such as {@code #/components/parameters/bbox}; other nodes are returned as they are. */
    private static JsonNode resolve(JsonNode node, JsonNode document) {
        String reference = node.path("$ref").asString("");
        if (!reference.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : reference.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }
}
