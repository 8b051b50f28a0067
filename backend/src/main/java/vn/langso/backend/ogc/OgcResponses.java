package vn.langso.backend.ogc;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.ogc.html.HtmlContext;
import vn.langso.backend.ogc.html.HtmlView;
import vn.langso.backend.ogc.html.HtmlViews;

/** Writes OGC API documents as JSON or as an HTML page, with the language they are written in. */
public final class OgcResponses {

    /** A default mapper for the trees of HTML pages, single features and the OpenAPI document. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private OgcResponses() {
    }

    /** Writes {@code document} (a record, map or tree) in {@code format}, as {@code jsonType} or as nested HTML lists. */
    public static Mono<ServerResponse> write(OutputFormat format, MediaType jsonType, String title, Locale language,
                                             Object document) {
        return write(format, jsonType, title, language, document, null, HtmlViews.TREE);
    }

    /** Writes {@code document} like {@link #write}, with {@code view} as its HTML page. */
    public static Mono<ServerResponse> write(OutputFormat format, MediaType jsonType, String title, Locale language,
                                             Object document, HtmlView view) {
        return write(format, jsonType, title, language, document, null, view);
    }

    /**
     * Writes features like {@link #write}, with a {@code Content-Crs} header naming the CRS of their geometries. The
     * HTML page is rendered from the same document as the JSON, and carries {@link HtmlViews#CONTENT_SECURITY_POLICY}.
     */
    public static Mono<ServerResponse> write(OutputFormat format, MediaType jsonType, String title, Locale language,
                                             Object document, SupportedCrs contentCrs, HtmlView view) {
        ServerResponse.BodyBuilder response = ServerResponse.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage());
        if (contentCrs != null) {
            response.header("Content-Crs", contentCrs.contentCrsHeader());
        }
        if (format == OutputFormat.HTML) {
            JsonNode tree = document instanceof JsonNode node ? node : JSON.valueToTree(document);
            String page = view.render(tree, new HtmlContext(title, language, contentCrs));
            return response.contentType(OutputFormat.HTML_UTF8)
                    .header("Content-Security-Policy", HtmlViews.CONTENT_SECURITY_POLICY)
                    .bodyValue(page);
        }
        return response.contentType(jsonType).bodyValue(document);
    }

    /** Writes a JSON body that is already serialised, with the same headers as {@link #write}. */
    public static Mono<ServerResponse> writeJsonBytes(MediaType jsonType, Locale language, byte[] body,
                                                      SupportedCrs contentCrs) {
        ServerResponse.BodyBuilder response = ServerResponse.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage())
                .contentType(jsonType);
        if (contentCrs != null) {
            response.header("Content-Crs", contentCrs.contentCrsHeader());
        }
        return response.bodyValue(body);
    }
}
