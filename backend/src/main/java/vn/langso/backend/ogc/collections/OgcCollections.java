package vn.langso.backend.ogc.collections;

import static vn.langso.backend.ogc.collections.PropertyType.BOOLEAN;
import static vn.langso.backend.ogc.collections.PropertyType.DATE;
import static vn.langso.backend.ogc.collections.PropertyType.DATE_TIME;
import static vn.langso.backend.ogc.collections.PropertyType.INTEGER;
import static vn.langso.backend.ogc.collections.PropertyType.NUMBER;
import static vn.langso.backend.ogc.collections.PropertyType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.layers.LayerCatalog;
import vn.langso.backend.layers.LayerDefinition;
import vn.langso.backend.layers.PublicColumns;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.sql.SqlStatement;

/**
 * The collections of the OGC API: every public layer of the catalog (layers with personal data are already left
 * out by {@link LayerCatalog}), then {@code growing-areas}, {@code communes} and {@code admin-units}.
 */
@Component
public class OgcCollections {

    /** The temporal column per place table where it is not {@code updated_at}. */
    private static final Map<String, String> TEMPORAL_COLUMNS = Map.of("report", "reported_at");

    private static final List<CollectionProperty> UNIT_PROPERTIES = List.of(
            new CollectionProperty("code", STRING),
            new CollectionProperty("name", STRING),
            new CollectionProperty("level", STRING),
            new CollectionProperty("unit_type", STRING),
            new CollectionProperty("parent_code", STRING),
            new CollectionProperty("valid_from", DATE),
            new CollectionProperty("valid_to", DATE));

    static final OgcCollection COMMUNES = new OgcCollection("communes",
            "Communes", "Xã, phường",
            "The current communes and wards of the province, valid since their last reorganisation.",
            "Các xã, phường hiện hành của tỉnh.",
            SqlStatement.quoteIdentifier("admin_unit"), "t.level = 'commune' AND t.valid_to IS NULL", "code", true, "MultiPolygon",
            UNIT_PROPERTIES.stream().filter(property -> !property.name().equals("level")).toList(),
            OgcCollection.Temporal.period("valid_from", "valid_to"));

    static final OgcCollection ADMIN_UNITS = new OgcCollection("admin-units",
            "Administrative units of every period", "Đơn vị hành chính qua các thời kỳ",
            "Province, districts and communes of every period, each valid from valid_from until valid_to "
                    + "(empty while current). Filter a period with datetime.",
            "Tỉnh, huyện và xã của mọi thời kỳ, mỗi đơn vị có hiệu lực từ valid_from đến valid_to "
                    + "(trống khi còn hiệu lực). Lọc theo thời điểm bằng datetime.",
            SqlStatement.quoteIdentifier("admin_unit"), null, "id", false, "MultiPolygon", UNIT_PROPERTIES,
            OgcCollection.Temporal.period("valid_from", "valid_to"));

    /** Separator that the view {@code growing_area_public} writes between the certifications of an area. */
    static final String CERTIFICATION_SEPARATOR = ", ";

    /**
     * Growing areas (mã số vùng trồng) and ponds of the traceability pilot, read through the view
     * {@code growing_area_public}, which contains their served columns. They are polygons, so they are not in the
     * point layers of the catalog.
     */
    static final OgcCollection GROWING_AREAS = new OgcCollection("growing-areas",
            "Growing areas and ponds", "Vùng trồng và ao nuôi",
            "Registered growing areas (mã số vùng trồng) and aquaculture ponds of the traceability pilot, with their "
                    + "area code, products and certifications.",
            "Vùng trồng đã được cấp mã số và ao nuôi thủy sản của thí điểm truy xuất nguồn gốc, kèm mã vùng trồng, "
                    + "sản phẩm và chứng nhận.",
            SqlStatement.quoteIdentifier("growing_area_public"), null, "id", false, "MultiPolygon",
            List.of(new CollectionProperty("location_id", STRING),
                    new CollectionProperty("area_code", STRING),
                    new CollectionProperty("name", STRING),
                    new CollectionProperty("area_kind", STRING),
                    new CollectionProperty("products", STRING),
                    new CollectionProperty("certifications", STRING, CERTIFICATION_SEPARATOR),
                    new CollectionProperty("commune_code", STRING),
                    new CollectionProperty("updated_at", DATE_TIME)),
            OgcCollection.Temporal.instant("updated_at"));

    private final LayerCatalog catalog;

    OgcCollections(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** Returns every collection in the order the landing page lists them. */
    public Mono<List<OgcCollection>> all() {
        return catalog.all().map(layers -> {
            List<OgcCollection> collections = new ArrayList<>();
            layers.forEach(layer -> collections.add(fromLayer(layer)));
            collections.add(GROWING_AREAS);
            collections.add(COMMUNES);
            collections.add(ADMIN_UNITS);
            return collections;
        });
    }

    /**
     * Returns the collections whose features carry a commune code, which the analyses count per commune: the place
     * layers and the growing areas, without the administrative units.
     */
    public Mono<List<OgcCollection>> places() {
        return catalog.all().map(layers -> {
            List<OgcCollection> places = new ArrayList<>();
            layers.forEach(layer -> places.add(fromLayer(layer)));
            places.add(GROWING_AREAS);
            return List.copyOf(places);
        });
    }

    /** Finds a collection by id, or fails with a {@link NotFoundException} listing the ids. */
    public Mono<OgcCollection> find(String id) {
        return all().flatMap(collections -> collections.stream()
                .filter(collection -> collection.id().equals(id))
                .findFirst()
                .map(Mono::just)
                .orElseGet(() -> Mono.error(new NotFoundException("Collection '" + id.replaceAll("[\\r\\n]", " ")
                        + "' does not exist. Known collections: "
                        + collections.stream().map(OgcCollection::id).collect(Collectors.joining(", ")) + "."))));
    }

    private static OgcCollection fromLayer(LayerDefinition layer) {
        // The jsonb properties column is not served: its keys are not reviewed; /api/v1 serves it.
        List<CollectionProperty> properties = PublicColumns.of(layer).stream()
                .map(column -> new CollectionProperty(column.name(), propertyType(column.type())))
                .toList();
        String temporal = TEMPORAL_COLUMNS.getOrDefault(layer.tableName(), "updated_at");
        return new OgcCollection(layer.name(), layer.titleEn(), layer.titleVi(), layer.descriptionEn(),
                layer.descriptionVi(), SqlStatement.quoteIdentifier(layer.tableName()), null, "id", false,
                layer.geometryType(), properties, OgcCollection.Temporal.instant(temporal));
    }

    private static PropertyType propertyType(PublicColumns.Type type) {
        return switch (type) {
            case TEXT -> STRING;
            case INTEGER -> INTEGER;
            case DECIMAL -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            case TIMESTAMP -> DATE_TIME;
        };
    }
}
