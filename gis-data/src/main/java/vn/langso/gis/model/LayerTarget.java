package vn.langso.gis.model;

import java.util.Map;

/**
 * A place layer of the {@code layer} catalog as the importer writes into it.
 *
 * @param name         catalog name used by the API (for example "clinics")
 * @param tableName    table that contains the layer's features, taken only from the catalog
 * @param geometryType geometry type every feature must have (Point for all place layers)
 * @param typedColumns the layer's own columns beyond the shared ones, by name, with their SQL data type as
 *                     {@code information_schema.columns.data_type} spells it
 */
public record LayerTarget(String name, String tableName, String geometryType, Map<String, String> typedColumns) {

    /** Target name of the administrative units in {@code --into}. */
    public static final String ADMIN_UNITS = "admin-units";
}
