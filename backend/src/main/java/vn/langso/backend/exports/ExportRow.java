package vn.langso.backend.exports;

import java.util.List;

/**
 * One place of an export, with its typed columns as text.
 *
 * @param typedValues the values of the layer's {@link LayerColumn}s in the same order, as JSON renders them
 *                    (for example {@code 12}, {@code true}, {@code 2026-01-31T08:00:00+00:00}); null where empty
 * @param attributes  the jsonb {@code properties} column as JSON text
 */
record ExportRow(long id, String name, String communeCode, String communeName, String address,
                 List<String> typedValues, double lon, double lat, String wkt, String attributes) {
}
