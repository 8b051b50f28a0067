package vn.langso.backend.ogc;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.util.UriComponentsBuilder;
import vn.langso.backend.web.Link;

/**
 * Absolute links of the OGC API, built from the request's scheme, host and port. When forwarded headers are
 * enabled ({@code server.forward-headers-strategy}), the framework has already applied X-Forwarded-* to the
 * request URI, so links then point at the proxy.
 */
public final class OgcLinks {

    private static final Logger log = LoggerFactory.getLogger(OgcLinks.class);

    public static final String BASE_PATH = "/ogc";

    private OgcLinks() {
    }

    /** Returns the absolute URL of the OGC API's landing page, without a trailing slash. */
    public static String base(ServerRequest request) {
        return origin(request) + BASE_PATH;
    }

    /** Returns the scheme, host and port of the request, before which root-relative paths such as /ogc/tiles go. */
    public static String origin(ServerRequest request) {
        URI uri = request.uri();
        return UriComponentsBuilder.newInstance().scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort())
                .build().toUriString();
    }

    /** Returns the absolute URL of a path below the landing page, for example {@code /collections}. */
    public static String to(ServerRequest request, String path) {
        return base(request) + path;
    }

    /** Returns the absolute URL of a path with {@code f} set, for the alternate representations. */
    public static String to(ServerRequest request, String path, String format) {
        return base(request) + path + "?f=" + format;
    }

    /**
     * Returns the self and alternate links of a response in {@code format}: the same request URL with {@code f}
     * set to each representation, keeping the other query parameters.
     */
    public static List<Link> selfAndAlternate(ServerRequest request, OutputFormat format, String jsonType) {
        Link json = new Link(format == OutputFormat.JSON ? "self" : "alternate", withQuery(request, "f", "json"),
                jsonType);
        Link html = new Link(format == OutputFormat.HTML ? "self" : "alternate", withQuery(request, "f", "html"),
                "text/html");
        return format == OutputFormat.JSON ? List.of(json, html) : List.of(html, json);
    }

    /** Returns the request URL with one query parameter replaced (or added). */
    public static String withQuery(ServerRequest request, String name, Object value) {
        return UriComponentsBuilder.fromUri(request.uri()).replaceQueryParam(name, value).build(false).toUriString();
    }

    /** Returns the request URL with {@code limit} and {@code offset} replaced, for next and prev links. */
    public static String page(ServerRequest request, int limit, long offset) {
        return UriComponentsBuilder.fromUri(request.uri())
                .replaceQueryParam("limit", limit)
                .replaceQueryParam("offset", offset)
                .build(false)
                .toUriString();
    }

    /** Returns the language of the response: Vietnamese when the Accept-Language header prefers it, else English. */
    public static Locale language(ServerRequest request) {
        try {
            String tag = Locale.lookupTag(request.headers().acceptLanguage(), List.of("en", "vi"));
            return "vi".equals(tag) ? Locale.of("vi") : Locale.ENGLISH;
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring the malformed Accept-Language header of {}: {}", request.path(), e.getMessage());
            return Locale.ENGLISH;
        }
    }
}
