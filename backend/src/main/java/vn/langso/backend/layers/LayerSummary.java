package vn.langso.backend.layers;

import java.util.List;
import vn.langso.backend.web.FeatureCollection;
import vn.langso.backend.web.Link;

/** A layer as {@code GET /api/v1/layers} lists it. */
record LayerSummary(String name, LocalizedText title, LocalizedText description, String geometryType,
                    long featureCount, List<Link> links) {

    /** A text in Vietnamese (the default language) and English. */
    record LocalizedText(String vi, String en) {
    }

    static LayerSummary of(LayerDefinition layer, long featureCount) {
        Link items = new Link("items", "/api/v1/layers/" + layer.name() + "/features", FeatureCollection.GEO_JSON.toString());
        return new LayerSummary(layer.name(),
                new LocalizedText(layer.titleVi(), layer.titleEn()),
                new LocalizedText(layer.descriptionVi(), layer.descriptionEn()),
                layer.geometryType(), featureCount, List.of(items));
    }
}

/** The body of {@code GET /api/v1/layers}. */
record LayerList(List<LayerSummary> layers) {
}
