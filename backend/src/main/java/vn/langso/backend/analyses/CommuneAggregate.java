package vn.langso.backend.analyses;

import java.util.Map;

/**
 * One commune's figures for a layer.
 *
 * @param featureCount   features of the layer in the commune
 * @param areaKm2        the commune's area on the ellipsoid
 * @param densityPerKm2  features per square kilometre
 * @param shares         when an attribute was given: for each value, its count and its share of the commune's
 *                       features (0 to 1); features without a value count under {@code null}
 */
record CommuneAggregate(String code, String name, long featureCount, double areaKm2, double densityPerKm2,
                        Map<String, ValueShare> shares) {

    record ValueShare(long count, double share) {
    }
}
