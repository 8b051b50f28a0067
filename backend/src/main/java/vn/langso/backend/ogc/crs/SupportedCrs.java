package vn.langso.backend.ogc.crs;

import java.util.List;
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
 */
public record SupportedCrs(String uri, int srid, boolean latitudeFirst) {

    public static final SupportedCrs CRS84 = new SupportedCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false);
    public static final SupportedCrs WGS84_LAT_LON = new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true);
    public static final SupportedCrs WEB_MERCATOR = new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, false);
    public static final SupportedCrs VN2000_UTM_48N = new SupportedCrs("http://www.opengis.net/def/crs/EPSG/0/3405", 3405, false);

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

    /** Returns the value of the {@code Content-Crs} response header. */
    public String contentCrsHeader() {
        return "<" + uri + ">";
    }

    @Override
    public String toString() {
        return uri;
    }
}
