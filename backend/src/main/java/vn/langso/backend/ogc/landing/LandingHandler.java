package vn.langso.backend.ogc.landing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.ogc.OgcLinks;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.ogc.OutputFormat;
import vn.langso.backend.ogc.html.HtmlViews;
import vn.langso.backend.web.Link;
import vn.langso.backend.web.QueryParameters;

/** {@code GET /ogc}: the landing page, linking the API description, the conformance classes and the collections. */
@Component
public class LandingHandler {

    public Mono<ServerResponse> landingPage(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("f"));
        OutputFormat format = OutputFormat.of(request, parameters);
        Locale language = OgcLinks.language(request);
        boolean vietnamese = "vi".equals(language.getLanguage());

        List<Link> links = new ArrayList<>(OgcLinks.selfAndAlternate(request, format, MediaType.APPLICATION_JSON_VALUE));
        links.add(new Link("service-desc", OgcLinks.to(request, "/api"), OutputFormat.OPENAPI_JSON.toString()));
        links.add(new Link("service-doc", OgcLinks.to(request, "/api", "html"), "text/html"));
        links.add(new Link("conformance", OgcLinks.to(request, "/conformance"), MediaType.APPLICATION_JSON_VALUE));
        links.add(new Link("data", OgcLinks.to(request, "/collections"), MediaType.APPLICATION_JSON_VALUE));
        links.add(new Link("http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", OgcLinks.to(request, "/tileMatrixSets"),
                MediaType.APPLICATION_JSON_VALUE));
        links.add(new Link("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", OgcLinks.to(request, "/tiles"),
                MediaType.APPLICATION_JSON_VALUE));

        Map<String, Object> page = new LinkedHashMap<>();
        String title = vietnamese ? "Làng Số: dữ liệu bản đồ tỉnh Đồng Tháp" : "Làng Số: map data of Đồng Tháp province";
        page.put("title", title);
        page.put("description", vietnamese
                ? "Các lớp địa điểm công khai và đơn vị hành chính theo chuẩn OGC API - Features."
                : "Public place layers and administrative units, served as OGC API - Features.");
        page.put("links", links);
        return OgcResponses.write(format, MediaType.APPLICATION_JSON, title, language, page, HtmlViews.LANDING);
    }
}
