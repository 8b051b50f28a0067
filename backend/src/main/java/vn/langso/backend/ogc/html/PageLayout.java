package vn.langso.backend.ogc.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The frame shared by every page: document head, a trail of links back to the landing page, the heading and the
 * links to the document's other formats. Pages are polyglot markup (valid HTML that is also well-formed XML), load
 * nothing from elsewhere and run no script, so {@link #CONTENT_SECURITY_POLICY} can forbid everything but the one
 * style element below.
 */
final class PageLayout {

    /** The path of the landing page. Pages link below it from the server's root, as the API's links do. */
    static final String BASE_PATH = "/ogc";

    /** The page style. It contains no {@code <} or {@code &}, which would need escaping in XML. */
    static final String STYLE = String.join("",
            "body{font-family:system-ui,sans-serif;margin:0;color:#1f2328;line-height:1.45}",
            "header{background:#0b5d3b;color:#fff;padding:.6rem 2rem}",
            "header a{color:#fff}header .en{color:#cfe6da}",
            "main{margin:1rem 2rem;max-width:90rem}",
            "footer{margin:1.5rem 2rem;color:#57606a;font-size:.9em}",
            ".en{color:#57606a;font-size:.9em}",
            "table{border-collapse:collapse;margin:.5em 0}",
            "th,td{border:1px solid #d0d7de;padding:.25em .5em;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}td.number{text-align:right}",
            "dl.meta{display:grid;grid-template-columns:max-content auto;gap:.3em 1em}",
            "dl.meta dt{font-weight:bold}dl.meta dd{margin:0}",
            "dl.tree dt{font-weight:bold}dl.tree dd{margin-left:1.5em}ol,dl{margin:.2em 0}",
            ".pager a{margin-right:1.5em}.note{color:#57606a}",
            "ul.plain{list-style:none;padding:0;margin:0}ul.plain li{white-space:nowrap}",
            "svg.map{display:block;width:100%;max-width:640px;height:auto;border:1px solid #d0d7de;",
            "background:#f4f8fb;margin:.5em 0}",
            "svg.map .point{fill:#c0392b;stroke:#fff;stroke-width:1px}",
            "svg.map .line{fill:none;stroke:#1f6feb;stroke-width:2px}",
            "svg.map .area{fill:#1f6feb;fill-opacity:.2;stroke:#1f6feb;stroke-width:1px;fill-rule:evenodd}",
            "svg.map a:hover .area,svg.map a:hover .line{stroke:#c0392b}",
            "svg.map *{vector-effect:non-scaling-stroke}");

    /**
     * The Content-Security-Policy of every page: nothing may load or run, except the style element whose SHA-256
     * hash is named here. Inline {@code style} attributes stay blocked, so pages style through classes only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Label SITE = new Label("Làng Số: dữ liệu bản đồ", "Làng Số map data");
    private static final Label TRAIL = new Label("Vị trí", "You are here");
    private static final Label OTHER_FORMATS = new Label("Định dạng khác", "Other formats");

    /**
     * A step of the trail at the top of a page: a link with a label, or with text from the data.
     *
     * @param href  the target
     * @param label the label, or null when {@code text} is given
     * @param text  text from the data, or null when {@code label} is given
     */
    record Crumb(String href, Label label, String text) {

        static Crumb of(String href, Label label) {
            return new Crumb(href, label, null);
        }

        static Crumb of(String href, String text) {
            return new Crumb(href, null, text);
        }
    }

    private PageLayout() {
    }

    /**
     * Renders a page: the frame around {@code content}, with {@code trail} leading from the landing page to the
     * parent of this page, and a footer that links the document's {@code alternate} formats.
     */
    static String page(JsonNode document, HtmlContext context, List<Crumb> trail, Consumer<HtmlBuilder> content) {
        HtmlBuilder html = new HtmlBuilder(context.vietnamese());
        html.raw("<!DOCTYPE html>\n<html lang=\"").text(context.language().getLanguage()).raw("\">\n<head>\n")
                .raw("<meta charset=\"utf-8\"/>\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .raw("<title>").text(context.title()).raw(" · Làng Số OGC API</title>\n")
                .raw("<style>").raw(STYLE).raw("</style>\n</head>\n<body>\n");

        html.raw("<header>").link(BASE_PATH + "?f=html", SITE);
        if (!trail.isEmpty()) {
            html.raw("<nav aria-label=\"").text(TRAIL.plain(context.vietnamese())).raw("\">");
            for (Crumb crumb : trail) {
                html.raw(" › ");
                if (crumb.label() != null) {
                    html.link(crumb.href(), crumb.label());
                } else {
                    html.link(crumb.href(), crumb.text());
                }
            }
            html.raw("</nav>");
        }
        html.raw("</header>\n<main>\n").element("h1", context.title()).raw("\n");

        content.accept(html);

        html.raw("\n</main>\n");
        appendFormats(html, document);
        html.raw("</body>\n</html>\n");
        return html.toString();
    }

    /** Appends the footer with the document's alternate formats, when it links any. */
    private static void appendFormats(HtmlBuilder html, JsonNode document) {
        List<DocumentLink> alternates = DocumentLink.of(document).stream()
                .filter(link -> link.hasRel("alternate"))
                .toList();
        if (alternates.isEmpty()) {
            return;
        }
        html.raw("<footer>").label(OTHER_FORMATS).raw(":");
        for (DocumentLink alternate : alternates) {
            html.raw(" ").link(alternate.href(), formatName(alternate.type()));
        }
        html.raw("</footer>\n");
    }

    /** Returns a short name of a media type for link text: GeoJSON, JSON, or the type itself. */
    static String formatName(String type) {
        if (type.startsWith("application/geo+json")) {
            return "GeoJSON";
        }
        if (type.startsWith("application/json") || type.endsWith("+json") || type.contains("+json;")) {
            return "JSON";
        }
        return type.isEmpty() ? "?" : type;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
