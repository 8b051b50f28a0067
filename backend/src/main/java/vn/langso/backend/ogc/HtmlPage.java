package vn.langso.backend.ogc;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The HTML representation of an OGC API response: the JSON document shown as nested lists, with every {@code href}
 * as a link. Every value is escaped, because names and descriptions come from imported data and from citizens.
 */
public final class HtmlPage {

    private static final int MAX_DEPTH = 12;

    private HtmlPage() {
    }

    /** Renders a page with a heading and the document below it. */
    public static String render(String title, JsonNode document, String language) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:1em 2em}dt{font-weight:bold}"
                        + "dd{margin-left:1.5em}ol,dl{margin:.2em 0}</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        appendNode(html, "", document, 0);
        html.append("\n</body>\n</html>\n");
        return html.toString();
    }

    private static void appendNode(StringBuilder html, String name, JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            html.append("…");
        } else if (node.isObject()) {
            html.append("<dl>");
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                html.append("<dt>").append(escape(member.getKey())).append("</dt><dd>");
                appendNode(html, member.getKey(), member.getValue(), depth + 1);
                html.append("</dd>");
            }
            html.append("</dl>");
        } else if (node.isArray()) {
            html.append("<ol>");
            for (JsonNode element : node) {
                html.append("<li>");
                appendNode(html, name, element, depth + 1);
                html.append("</li>");
            }
            html.append("</ol>");
        } else if (node.isNull() || node.isMissingNode()) {
            html.append("<i>null</i>");
        } else if (name.equals("href") && isWebUrl(node.asString())) {
            String href = escape(node.asString());
            html.append("<a href=\"").append(href).append("\">").append(href).append("</a>");
        } else {
            html.append(escape(node.asString()));
        }
    }

    private static boolean isWebUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://") || value.startsWith("/");
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
