package vn.langso.gis.model;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a reader found it in a file, before validation and transformation.
 *
 * @param number     1-based position of the feature in its file (the data row for CSV), used in reports
 * @param id         the feature's own identifier (GeoJSON {@code id}, CSV {@code id} column, GeoPackage table
 *                   and row id), or null when it has none
 * @param geometry   the geometry in the coordinates of {@code srid}, or null when it is missing or unreadable
 * @param srid       EPSG code of the geometry's coordinates
 * @param properties attribute values: String, Number, Boolean, nested List/Map, or null
 * @param problem    why the reader could not build the geometry (for example a non-numeric coordinate), or null
 */
public record SourceFeature(int number, String id, Geometry geometry, int srid, Map<String, Object> properties,
                            String problem) {
}
