package vn.langso.gis.imports;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature that passed the checks that need no database, waiting for transformation and writing.
 *
 * @param geometry     checked (and possibly repaired) geometry in the input coordinates
 * @param repairReason what was repaired, or null
 * @param key          identity of the feature within its source (source_key, or level and code of a unit)
 * @param properties   all properties in NFC
 * @param adminUnit    mapped columns for admin units, or null
 * @param place        mapped columns for place layers, or null
 */
record PendingFeature(int number, Geometry geometry, int srid, String repairReason, String key,
                      Map<String, Object> properties, AdminUnitMapper.AdminUnitRow adminUnit,
                      PlaceMapper.PlaceRow place) {
}
