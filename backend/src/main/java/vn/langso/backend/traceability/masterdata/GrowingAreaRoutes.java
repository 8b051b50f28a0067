package vn.langso.backend.traceability.masterdata;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.QueryParameters;
import vn.langso.backend.web.ReadOnlyRoutes;

/**
 * {@code GET /api/v1/traceability/growing-areas}: growing areas (mã số vùng trồng) and ponds as a GeoJSON
 * FeatureCollection of polygons, optionally of one commune ({@code commune}) or one kind ({@code kind}). The layer
 * catalog contains point layers only; GIS clients read the same areas as the OGC collection {@code growing-areas}.
 */
@Configuration(proxyBeanMethods = false)
class GrowingAreaRoutes {

    /** Most areas returned; the province has far fewer registered growing areas and ponds than this. */
    static final int MAX_AREAS = 5000;

    @Bean
    RouterFunction<ServerResponse> growingAreaRouter(DatabaseClient database) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/traceability/growing-areas"), request -> list(request, database))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/traceability/growing-areas"))
                .build();
    }

    private static Mono<ServerResponse> list(ServerRequest request, DatabaseClient database) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("commune", "kind"));
        SqlStatement statement = new SqlStatement();
        parameters.string("commune").ifPresent(code -> statement.where("a.commune_code = :commune").bind("commune", code));
        parameters.string("kind").ifPresent(kind -> {
            if (!kind.equals("growing_area") && !kind.equals("pond")) {
                throw InvalidParameterException.of("kind", "kind '" + kind + "' is not known; use growing_area or pond.");
            }
            statement.where("a.area_kind = :kind").bind("kind", kind);
        });
        String sql = """
                SELECT json_build_object('type', 'Feature', 'id', a.id, 'geometry', ST_AsGeoJSON(a.geom, 6)::json,
                           'properties', json_build_object('locationId', a.location_id, 'areaCode', a.area_code,
                               'name', a.name, 'kind', a.area_kind, 'products', a.products,
                               'certifications', a.certifications, 'communeCode', a.commune_code))::text AS feature
                  FROM growing_area a""" + statement.whereClause() + " ORDER BY a.id LIMIT " + MAX_AREAS;
        return statement.prepare(database, sql)
                .map(row -> row.get("feature", String.class))
                .all()
                .collectList()
                .flatMap(features -> ServerResponse.ok()
                        .contentType(FeatureCollection.GEO_JSON)
                        .bodyValue(FeatureCollection.of(features, (long) features.size(), java.util.List.of())));
    }
}
