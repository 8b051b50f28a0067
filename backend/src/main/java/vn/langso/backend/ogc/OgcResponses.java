package vn.langso.backend.ogc;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ogc.crs.SupportedCrs;

/** Writes OGC API documents as JSON or as an HTML page, with the language they are written in. */
public final class OgcResponses {

    /** A default mapper for the trees of HTML pages, single features and the OpenAPI document. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private OgcResponses() {
    }

    /** Writes {@code document} (a record, map or tree) in {@code format}; JSON uses {@code jsonType}. */
    public static Mono<ServerResponse> write(OutputFormat format, MediaType jsonType, String title, Locale language,
                                             Object document) {
        return write(format, jsonType, title, language, document, null);
    }

    /** Writes features like {@link #write}, with a {@code Content-Crs} header naming the CRS of their geometries. */
    public static Mono<ServerResponse> write(OutputFormat format, MediaType jsonType, String title, Locale language,
                                             Object document, SupportedCrs contentCrs) {
        ServerResponse.BodyBuilder response = ServerResponse.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, language.getLanguage());
        if (contentCrs != null) {
            response.header("Content-Crs", contentCrs.contentCrsHeader());
        }
        if (format == OutputFormat.HTML) {
            JsonNode tree = document instanceof JsonNode node ? node : JSON.valueToTree(document);
            return response.contentType(OutputFormat.HTML_UTF8)
                    .bodyValue(HtmlPage.render(title, tree, language.getLanguage()));
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
