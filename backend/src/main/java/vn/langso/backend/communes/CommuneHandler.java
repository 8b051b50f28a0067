package vn.langso.backend.communes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.problems.OutsideProvinceException;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.Coordinates;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.Link;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.PageLinks;
import vn.langso.backend.web.QueryParameters;

/** Handlers of {@code /api/v1/communes/**} and {@code /api/v1/admin-units}. */
@Component
class CommuneHandler {

    /** Page size of the unit listings when none is given: enough for all 102 communes of the province on one map. */
    static final int DEFAULT_UNIT_LIMIT = 1000;
    static final int DEFAULT_SEARCH_LIMIT = 10;
    static final int MAX_SEARCH_LIMIT = 100;
    static final int MAX_SEARCH_TEXT_LENGTH = 200;
    static final Set<String> LEVELS = Set.of("province", "district", "commune");
    /** Dates without a time zone are read in the province's time zone. */
    static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String GEO_JSON = FeatureCollection.GEO_JSON.toString();

    private final CommuneRepository communes;
    private final LangsoProperties.Api limits;

    CommuneHandler(CommuneRepository communes, LangsoProperties properties) {
        this.communes = communes;
        this.limits = properties.api();
    }

    /** {@code GET /api/v1/communes}: the current communes as a FeatureCollection. */
    Mono<ServerResponse> listCurrent(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("bbox", "limit", "offset"));
        Bbox bbox = parameters.string("bbox").map(Bbox::parse).orElse(null);
        Page page = parameters.page(Math.min(DEFAULT_UNIT_LIMIT, limits.maxLimit()), limits.maxLimit());
        return Mono.zip(communes.countCurrent(bbox), communes.findCurrent(bbox, page).collectList())
                .flatMap(result -> featureCollection(request, page, result.getT1(), result.getT2()));
    }

    /** {@code GET /api/v1/communes/{code}}: one current commune with its bbox. */
    Mono<ServerResponse> byCode(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        String code = request.pathVariable("code");
        return communes.findCurrentByCode(code)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No current commune has code '"
                        + code.replaceAll("[\\r\\n]", " ") + "'. Find codes at /api/v1/communes/search?q=NAME.")))
                .flatMap(feature -> ServerResponse.ok().contentType(FeatureCollection.GEO_JSON).bodyValue(feature));
    }

    /** {@code GET /api/v1/communes/at}: the current commune containing a point. */
    Mono<ServerResponse> atPoint(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("lon", "lat"));
        Coordinates point = Coordinates.require(parameters);
        return communes.codeAt(point)
                .flatMap(found -> {
                    if (found.code() != null) {
                        return communes.findCurrentByCode(found.code());
                    }
                    if (found.swappedCode() != null) {
                        return Mono.error(swapped(point));
                    }
                    return Mono.error(new OutsideProvinceException(point.lon(), point.lat()));
                })
                .flatMap(feature -> ServerResponse.ok().contentType(FeatureCollection.GEO_JSON).bodyValue(feature));
    }

    /** {@code GET /api/v1/communes/search}: current and former communes by name, with or without diacritics. */
    Mono<ServerResponse> search(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("q", "limit"));
        String text = parameters.text("q", MAX_SEARCH_TEXT_LENGTH).orElseThrow(() -> InvalidParameterException.of("q",
                "Parameter 'q' is missing; give part of a commune name, for example q=Tan Thuan."));
        int limit = parameters.integer("limit", 1, Long.MAX_VALUE).map(value -> (int) Math.min(value, MAX_SEARCH_LIMIT))
                .orElse(DEFAULT_SEARCH_LIMIT);
        return communes.search(text, limit).collectList()
                .flatMap(results -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new CommuneSearchResults(results)));
    }

    /** {@code GET /api/v1/admin-units}: the units valid on a date, for the history before the 2025 reform. */
    Mono<ServerResponse> listValidOn(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("level", "date", "bbox", "limit", "offset"));
        String level = parameters.string("level").map(CommuneHandler::level).orElse(null);
        LocalDate date = parameters.date("date").orElseGet(() -> LocalDate.now(PROVINCE_ZONE));
        Bbox bbox = parameters.string("bbox").map(Bbox::parse).orElse(null);
        Page page = parameters.page(Math.min(DEFAULT_UNIT_LIMIT, limits.maxLimit()), limits.maxLimit());
        return Mono.zip(communes.countValidOn(level, date, bbox), communes.findValidOn(level, date, bbox, page).collectList())
                .flatMap(result -> featureCollection(request, page, result.getT1(), result.getT2()));
    }

    private static Mono<ServerResponse> featureCollection(ServerRequest request, Page page, long matched, List<String> features) {
        List<Link> links = PageLinks.of(request, page, matched, features.size(), GEO_JSON);
        return ServerResponse.ok().contentType(FeatureCollection.GEO_JSON)
                .bodyValue(FeatureCollection.of(features, matched, links));
    }

    private static String level(String raw) {
        String level = raw.strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw InvalidParameterException.of("level", "level '" + raw.replaceAll("[\\r\\n]", " ")
                    + "' is not a level; use province, district or commune.");
        }
        return level;
    }

    private static InvalidParameterException swapped(Coordinates point) {
        String reason = "lon=" + point.lon() + " lat=" + point.lat() + " is outside the province, but lon="
                + point.lat() + " lat=" + point.lon() + " is inside it: the coordinates look swapped. "
                + "Send the longitude as lon and the latitude as lat.";
        return InvalidParameterException.of(List.of(new InvalidParam("lon", reason), new InvalidParam("lat", reason)));
    }
}
