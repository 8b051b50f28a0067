package vn.langso.camera.count;

import java.util.List;

/**
 * A polygon in image pixels. With {@code maxStopSeconds} set it is a no-stopping zone: an object that stays
 * still in it longer than that is a violation.
 *
 * <p>NOTE: a zone without {@code maxStopSeconds} is accepted but has no effect yet, because counts per zone
 * (entries, occupancy) are not built.
 *
 * @param polygon        vertices as {@code [x, y]}, at least three, without repeating the first
 * @param maxStopSeconds longest allowed stop in seconds, or null for a zone without that rule
 */
public record Zone(String id, List<double[]> polygon, Double maxStopSeconds) {

    public Zone {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A zone needs an id");
        }
        if (polygon == null || polygon.size() < 3) {
            throw new IllegalArgumentException("Zone " + id + ": a polygon needs at least three [x, y] points");
        }
        for (double[] point : polygon) {
            if (point.length != 2) {
                throw new IllegalArgumentException("Zone " + id + ": each polygon point must be [x, y]");
            }
        }
        if (maxStopSeconds != null && !(maxStopSeconds > 0)) {
            throw new IllegalArgumentException("Zone " + id + ": maxStopSeconds must be above 0, was "
                    + maxStopSeconds);
        }
        polygon = List.copyOf(polygon);
    }

    /** Returns whether the point lies inside the polygon (even-odd rule). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            double[] a = polygon.get(i);
            double[] b = polygon.get(j);
            boolean crosses = (a[1] > y) != (b[1] > y)
                    && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0];
            if (crosses) {
                inside = !inside;
            }
        }
        return inside;
    }
}
