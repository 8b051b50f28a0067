package vn.langso.backend.ogc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import vn.langso.backend.ogc.api.ApiDocumentHandler;
import vn.langso.backend.ogc.collections.CollectionsHandler;
import vn.langso.backend.ogc.conformance.ConformanceHandler;
import vn.langso.backend.ogc.items.ItemsHandler;
import vn.langso.backend.ogc.landing.LandingHandler;
import vn.langso.backend.web.ReadOnlyRoutes;

/** Routes of OGC API - Features under {@code /ogc}. */
@Configuration(proxyBeanMethods = false)
class OgcRoutes {

    @Bean
    RouterFunction<ServerResponse> ogcFeaturesRouter(LandingHandler landing, ConformanceHandler conformance,
                                                     ApiDocumentHandler api, CollectionsHandler collections,
                                                     ItemsHandler items) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/ogc"), landing::landingPage)
                .route(ReadOnlyRoutes.read("/ogc/"), landing::landingPage)
                .route(ReadOnlyRoutes.read("/ogc/conformance"), conformance::conformance)
                .route(ReadOnlyRoutes.read("/ogc/api"), api::apiDocument)
                .route(ReadOnlyRoutes.read("/ogc/collections"), collections::listCollections)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}"), collections::describeCollection)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}/queryables"), collections::queryables)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}/items"), items::items)
                .route(ReadOnlyRoutes.read("/ogc/collections/{collectionId}/items/{featureId}"), items::item)
                .add(ReadOnlyRoutes.rejectWrites("/ogc"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/conformance"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/api"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections/*"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections/*/queryables"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections/*/items"))
                .add(ReadOnlyRoutes.rejectWrites("/ogc/collections/*/items/*"))
                .build();
    }
}
