package vn.langso.backend.traceability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.traceability.digitallink.Gs1Keys;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.ReadOnlyRoutes;

/**
 * Public batch endpoints: {@code GET /api/v1/traceability/batches/{gtin}/{lot}} (the consumer summary) and
 * {@code .../journey} (a GeoJSON Feature whose LineString joins the located events in time order).
 */
@Configuration(proxyBeanMethods = false)
class BatchRoutes {

    /** Maximum length of a GS1 lot number (application identifier 10). */
    static final int MAX_LOT_LENGTH = 20;

    @Bean
    RouterFunction<ServerResponse> traceabilityBatchRouter(BatchRepository batches) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/traceability/batches/{gtin}/{lot}/journey"),
                        request -> respond(request, batches, true))
                .route(ReadOnlyRoutes.read("/api/v1/traceability/batches/{gtin}/{lot}"),
                        request -> respond(request, batches, false))
                .add(ReadOnlyRoutes.rejectWrites("/api/v1/traceability/batches/**"))
                .build();
    }

    private static Mono<ServerResponse> respond(ServerRequest request, BatchRepository batches, boolean journey) {
        Gs1Keys.Batch batch = batchOf(request);
        Mono<String> json = journey ? batches.journey(batch.gtin(), batch.lot()) : batches.summary(batch.gtin(), batch.lot());
        return json
                .switchIfEmpty(Mono.error(new NotFoundException("No EPCIS event names batch " + batch.lot()
                        + " of GTIN " + batch.gtin() + ". Check the GTIN and lot printed on the package.")))
                .flatMap(body -> ServerResponse.ok()
                        .contentType(journey ? FeatureCollection.GEO_JSON : MediaType.APPLICATION_JSON)
                        .bodyValue(body));
    }

    private static Gs1Keys.Batch batchOf(ServerRequest request) {
        String gtin = request.pathVariable("gtin");
        String lot = request.pathVariable("lot");
        if (!Gs1Keys.isValidGtin(gtin)) {
            throw InvalidParameterException.of("gtin", "'" + gtin.replaceAll("[\\r\\n]", " ") + "' is not a GTIN: give "
                    + "8, 12, 13 or 14 digits whose last digit is the GS1 check digit.");
        }
        if (lot.isEmpty() || lot.length() > MAX_LOT_LENGTH) {
            throw InvalidParameterException.of("lot", "lot '" + lot.replaceAll("[\\r\\n]", " ") + "' must have 1 to "
                    + MAX_LOT_LENGTH + " characters.");
        }
        return new Gs1Keys.Batch(Gs1Keys.toGtin14(gtin), java.text.Normalizer.normalize(lot, java.text.Normalizer.Form.NFC));
    }
}
