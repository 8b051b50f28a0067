package vn.langso.gis.validate;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Coarse bounds of Vietnam in WGS 84 (longitude, latitude), as the union of three boxes:
 * <ul>
 *   <li>mainland and coastal islands (Phú Quốc, Thổ Chu, Côn Đảo, Bạch Long Vĩ): 102.10–109.60 E, 8.30–23.40 N;</li>
 *   <li>Hoàng Sa (Paracel Islands): 111.00–113.00 E, 15.70–17.20 N;</li>
 *   <li>Trường Sa (Spratly Islands): 111.40–117.90 E, 6.00–12.00 N.</li>
 * </ul>
 * The boxes also take in sea and strips of Laos, Cambodia and China, so this check catches wrong
 * coordinate systems, swapped axes and typing errors, not points just across a border. Because every
 * latitude of the boxes is below 24 and every longitude above 102, a point with swapped axes is never
 * inside: that is what makes {@link #SWAPPED} detection unambiguous.
 */
public final class VietnamBounds {

    /** Result of a bounds check. */
    public enum Placement {
        INSIDE, SWAPPED, OUTSIDE
    }

    public static final Placement INSIDE = Placement.INSIDE;
    public static final Placement SWAPPED = Placement.SWAPPED;
    public static final Placement OUTSIDE = Placement.OUTSIDE;

    static final List<Envelope> BOXES = List.of(
            new Envelope(102.10, 109.60, 8.30, 23.40),
            new Envelope(111.00, 113.00, 15.70, 17.20),
            new Envelope(111.40, 117.90, 6.00, 12.00));

    private VietnamBounds() {
    }

    /**
     * Places a WGS 84 geometry: INSIDE when every vertex is inside the bounds, SWAPPED when it is not but
     * every vertex with longitude and latitude exchanged is, OUTSIDE otherwise.
     */
    public static Placement place(Geometry wgs84) {
        Coordinate[] coordinates = wgs84.getCoordinates();
        if (allInside(coordinates, false)) {
            return INSIDE;
        }
        return allInside(coordinates, true) ? SWAPPED : OUTSIDE;
    }

    private static boolean allInside(Coordinate[] coordinates, boolean swapped) {
        for (Coordinate coordinate : coordinates) {
            double longitude = swapped ? coordinate.y : coordinate.x;
            double latitude = swapped ? coordinate.x : coordinate.y;
            if (!contains(longitude, latitude)) {
                return false;
            }
        }
        return coordinates.length > 0;
    }

    /** Tests whether a longitude/latitude pair falls inside the bounds. */
    public static boolean contains(double longitude, double latitude) {
        for (Envelope box : BOXES) {
            if (box.contains(longitude, latitude)) {
                return true;
            }
        }
        return false;
    }
}
