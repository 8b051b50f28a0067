package vn.langso.backend.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds the root-relative self, next and prev links of a page, keeping the request's other parameters. */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * @param matched  the number of matching items over all pages
     * @param returned the number of items on this page
     */
    public static List<Link> of(ServerRequest request, Page page, long matched, int returned, String mediaType) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("self", href(request, page.limit(), page.offset()), mediaType));
        if (page.offset() + returned < matched && returned > 0) {
            links.add(new Link("next", href(request, page.limit(), page.offset() + page.limit()), mediaType));
        }
        if (page.offset() > 0) {
            // Past the end, prev leads to the last page that has items rather than to another empty one.
            long lastPageOffset = matched == 0 ? 0 : (matched - 1) / page.limit() * page.limit();
            long previous = Math.max(0, Math.min(page.offset() - page.limit(), lastPageOffset));
            links.add(new Link("prev", href(request, page.limit(), previous), mediaType));
        }
        return links;
    }

    /** Creates a self link to the request exactly as it came. */
    public static Link self(ServerRequest request, String mediaType) {
        return new Link("self", request.requestPath().value() + queryOf(request), mediaType);
    }

    private static String href(ServerRequest request, int limit, long offset) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.requestPath().value());
        request.queryParams().forEach((name, values) -> {
            if (!name.equals("limit") && !name.equals("offset")) {
                values.forEach(value -> builder.queryParam(name, value));
            }
        });
        builder.queryParam("limit", limit);
        builder.queryParam("offset", offset);
        return builder.build().encode().toUriString();
    }

    private static String queryOf(ServerRequest request) {
        String query = request.uri().getRawQuery();
        return query == null || query.isEmpty() ? "" : "?" + query;
    }
}
