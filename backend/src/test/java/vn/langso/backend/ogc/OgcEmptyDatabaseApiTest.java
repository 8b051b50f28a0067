package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The OGC API over a migrated database without any unit or place. */
class OgcEmptyDatabaseApiTest extends ApiTestSupport {

    @Test
    void extentFallsBackToProvinceBox() {
        JsonNode extent = get("/ogc/collections/communes").expect(200).path("extent");

        JsonNode bbox = extent.path("spatial").path("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isEqualTo(105.1);
        assertThat(bbox.get(1).asDouble()).isEqualTo(10.1);
        assertThat(bbox.get(2).asDouble()).isEqualTo(106.9);
        assertThat(bbox.get(3).asDouble()).isEqualTo(11.0);
        assertThat(extent.path("temporal").path("interval").get(0).get(0).isNull()).isTrue();
        assertThat(extent.path("temporal").path("interval").get(0).get(1).isNull()).isTrue();
    }

    @Test
    void emptyCollectionsHaveNoFeatures() {
        for (String collection : new String[] {"communes", "admin-units", "reports", "clinics"}) {
            JsonNode page = get("/ogc/collections/" + collection + "/items").expect(200);

            assertThat(page.path("numberMatched").asLong()).as(collection).isZero();
            assertThat(page.path("numberReturned").asInt()).as(collection).isZero();
            assertThat(page.path("features").isArray()).as(collection).isTrue();
            assertThat(OgcTestLinks.href(page, "next")).as(collection).isNull();
        }
    }

    @Test
    void collectionsListedWithoutData() {
        JsonNode collections = get("/ogc/collections").expect(200).path("collections");

        assertThat(collections.size()).as("public catalog layers, growing-areas, communes and admin-units")
                .isEqualTo(OgcFixtures.publicLayerCount(database()) + 3);
    }
}
