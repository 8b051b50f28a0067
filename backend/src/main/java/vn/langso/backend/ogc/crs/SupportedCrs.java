package vn.langso.backend.ogc.crs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/**
 * The coordinate reference systems that the OGC API serves features in and reads bbox values in. The data is
 * stored in EPSG:4326 with longitude first, which is CRS84; transformations run in PostGIS, whose PROJ applies the
 * Mekong-delta transformation for VN-2000.
 *
 * @param uri           the OGC URI of the CRS, as sent in {@code crs}, {@code bbox-crs} and {@code Content-Crs}
 * @param srid          the PostGIS SRID to transform to
 * @param latitudeFirst true when the CRS's axis order puts latitude (northing) first, as EPSG:4326 does
 * @param firstAxis     the first axis in the CRS's order, with the values accepted on it
 * @param secondAxis    the second axis in the CRS's order, with the values accepted on it
 */
public record SupportedCrs(String uri, int srid, boolean latitudeFirst, Axis firstAxis, Axis secondAxis) {

    private static final Axis LONGITUDE = new Axis("longitude", -180, 180, "degrees");
    private static final Axis LATITUDE = new Axis("latitude", -90, 90, "degrees");
    /** Half the circumference of the WGS 84 equator: the square that Web Mercator maps the world into. */
    private static final double WEB_MERCATOR_HALF_WIDTH = 20037508.342789244;
    /**
     * Ranges of UTM zone 48N. Eastings 0..1000000 m contain mainland Vietnam (about 205000 to 985000 m), and northings
     * run from the equator to 84.6 degrees north, just beyond the 84 degrees where UTM ends.
     */
    private static final Axis UTM_EASTING = new Axis("easting", 0, 1_000_000, "metres");
    private static final Axis UTM_NORTHING = new Axis("northing", 0, 9_400_000, "metres");

    public static final SupportedCrs CRS84 = new SupportedCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false,
            LONGITUDE, LATITUDE);
    public static final SupportedCrs WGS84_LAT_LON = new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true,
            LATITUDE, LONGITUDE);
    public static final SupportedCrs WEB_MERCATOR = new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false,
            new Axis("easting", -WEB_MERCATOR_HALF_WIDTH, WEB_MERCATOR_HALF_WIDTH, "metres"),
            new Axis("northing", -WEB_MERCATOR_HALF_WIDTH, WEB_MERCATOR_HALF_WIDTH, "metres"));
    public static final SupportedCrs VN2000_UTM_48N = new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/3405", 3405, false,
            UTM_EASTING, UTM_NORTHING);

    /** The supported systems, storage CRS first. */
    public static final List<SupportedCrs> ALL = List.of(CRS84, WGS84_LAT_LON, WEB_MERCATOR, VN2000_UTM_48N);

    /** Returns the URIs of {@link #ALL}, for the {@code crs} member of collection metadata. */
    public static List<String> uris() {
        return ALL.stream().map(SupportedCrs::uri).toList();
    }

    /**
     * Reads a CRS parameter ({@code crs} or {@code bbox-crs}), CRS84 when absent. Fails with a 400 naming the
     * parameter and listing the supported URIs when the value is not one of them.
     */
    public static SupportedCrs fromParameter(QueryParameters parameters, String name) {
        return parameters.string(name).map(raw -> byUri(name, raw)).orElse(CRS84);
    }

    private static SupportedCrs byUri(String name, String raw) {
        String uri = raw.strip();
        return ALL.stream()
                .filter(crs -> crs.uri.equals(uri))
                .findFirst()
                .orElseThrow(() -> InvalidParameterException.of(name, "Parameter '" + name + "' value '"
                        + QueryParameters.shorten(raw) + "' is not a supported CRS. Use one of: "
                        + String.join(", ", uris()) + "."));
    }

    /**
     * Returns the SQL expression of geometry column {@code column} (stored in EPSG:4326, longitude first) in this
     * CRS with this CRS's axis order. The SRID is a constant of this class, never request text.
     */
    public String outputGeometry(String column) {
        if (srid == 4326) {
            return latitudeFirst ? "ST_FlipCoordinates(" + column + ")" : column;
        }
        return "ST_Transform(" + column + ", " + srid + ")";
    }

    /** Returns the number of decimals written per coordinate: about 0.1 mm in degrees or in metres. */
    public int coordinateDecimals() {
        return srid == 4326 ? 9 : 4;
    }

    /**
     * Finds the first of {@code values} outside its axis range, reading them as pairs in this CRS's axis order.
     *
     * @return the value and the valid range, such as "easting 1E+30 is outside 0..1000000 metres", or empty
     */
    public Optional<String> outOfRange(double... values) {
        for (int i = 0; i < values.length; i++) {
            Axis axis = i % 2 == 0 ? firstAxis : secondAxis;
            if (!axis.contains(values[i])) {
                return Optional.of(axis.name() + " " + Axis.format(values[i]) + " is outside " + axis.range());
            }
        }
        return Optional.empty();
    }

    /** Returns the ranges of both axes in the CRS's order, such as "easting 0..1000000 and northing 0..9400000 metres". */
    public String ranges() {
        String first = firstAxis.name() + " " + Axis.format(firstAxis.min()) + ".." + Axis.format(firstAxis.max());
        return first + " and " + secondAxis.name() + " " + secondAxis.range();
    }

    /**
     * An axis of a CRS and the closed range of values accepted on it.
     *
     * @param name the name used in messages, such as easting
     * @param min  the smallest value accepted
     * @param max  the largest value accepted
     * @param unit the unit of the values, in words
     */
    public record Axis(String name, double min, double max, String unit) {

        boolean contains(double value) {
            return value >= min && value <= max;
        }

        String range() {
            return format(min) + ".." + format(max) + " " + unit;
        }

        /** Writes a number as a user would type it, with an exponent only when its magnitude is 1E+15 or more. */
        static String format(double value) {
            BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
            return Math.abs(value) < 1e15 ? decimal.toPlainString() : decimal.toString();
        }
    }

    /** Returns the value of the {@code Content-Crs} response header. */
    public String contentCrsHeader() {
        return "<" + uri + ">";
    }

    @Override
    public String toString() {
        return uri;
    }
}
