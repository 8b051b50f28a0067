package vn.langso.backend.ogc.crs;

import java.util.Locale;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.QueryParameters;

/**
 * The {@code bbox} parameter of an items request, read in the CRS that {@code bbox-crs} names. Four values are a
 * 2D box and six a 3D box whose heights are ignored. In CRS84 and EPSG:4326 the box is checked like the rest of
 * the API's bboxes and may cross the antimeridian (west &gt; east). A box in a projected CRS is transformed to
 * EPSG:4326 in PostGIS, after its values are checked against the range of that CRS.
 * A box with no width or height is a point or a line (see {@link Bbox#sqlEnvelope}).
 */
public sealed interface BboxFilter {

    /** Adds the condition that geometry column {@code column} (EPSG:4326) intersects the box. */
    void addTo(SqlStatement statement, String column);

    /** Parses {@code bbox} and {@code bbox-crs}, or returns null when no bbox is given. */
    static BboxFilter parse(QueryParameters parameters) {
        SupportedCrs crs = SupportedCrs.fromParameter(parameters, "bbox-crs");
        if (!parameters.has("bbox")) {
            if (parameters.has("bbox-crs")) {
                throw InvalidParameterException.of("bbox-crs", "Parameter 'bbox-crs' is given without 'bbox'; "
                        + "add a bbox or leave bbox-crs out.");
            }
            return null;
        }
        double[] corners = corners(parameters.string("bbox").orElseThrow(), crs);
        if (crs.latitudeFirst()) {
            requireLatitudeFirst(corners, crs);
        }
        if (crs.srid() == 4326) {
            return crs.latitudeFirst()
                    ? new Geographic(Bbox.of(corners[1], corners[0], corners[3], corners[2]))
                    : new Geographic(Bbox.of(corners[0], corners[1], corners[2], corners[3]));
        }
        crs.outOfRange(corners).ifPresent(reason -> {
            throw InvalidParameterException.bbox("bbox " + reason + ", the range of bbox-crs " + crs.uri()
                    + "; give minX,minY,maxX,maxY with " + crs.ranges() + ".");
        });
        if (corners[0] > corners[2] || corners[1] > corners[3]) {
            throw InvalidParameterException.bbox(String.format(Locale.ROOT, "bbox %s,%s,%s,%s in %s has a minimum "
                    + "above its maximum; give minX,minY,maxX,maxY (easting first).",
                    corners[0], corners[1], corners[2], corners[3], crs.uri()));
        }
        return new Projected(corners, crs.srid());
    }

    /** Returns the first and second axis minima and maxima in request order: the 2D corners of a 2D or 3D box. */
    private static double[] corners(String raw, SupportedCrs crs) {
        String[] parts = raw.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            String order = crs.latitudeFirst() ? "south,west,north,east (latitude first, as EPSG:4326 requires)"
                    : crs.srid() == 4326 ? "west,south,east,north" : "minX,minY,maxX,maxY";
            throw InvalidParameterException.bbox("bbox '" + QueryParameters.shorten(raw) + "' has " + parts.length
                    + " values; give four numbers " + order + ", or six with heights.");
        }
        int[] used = parts.length == 4 ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 3, 4};
        double[] corners = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                corners[i] = QueryParameters.parseNumber("bbox", parts[used[i]]);
            } catch (InvalidParameterException e) {
                throw InvalidParameterException.bbox("bbox value '" + QueryParameters.shorten(parts[used[i]])
                        + "' is not a number; give four or six decimal numbers separated by commas.");
            }
        }
        return corners;
    }

    /**
     * Checks the ranges of a latitude-first box here, because the checks of {@link Bbox} name the longitude-first
     * order, which would mislead a client that sent longitudes first with a latitude-first {@code bbox-crs}.
     */
    private static void requireLatitudeFirst(double[] corners, SupportedCrs crs) {
        for (int i = 0; i < 4; i++) {
            boolean latitude = i % 2 == 0;
            double limit = latitude ? 90 : 180;
            if (corners[i] < -limit || corners[i] > limit) {
                String name = new String[] {"south", "west", "north", "east"}[i];
                throw InvalidParameterException.bbox(String.format(Locale.ROOT, "bbox %s %s is not a %s; with bbox-crs"
                        + " %s the order is south,west,north,east (latitude first). Swap the axes, or leave bbox-crs"
                        + " out to give west,south,east,north.", name, corners[i],
                        latitude ? "latitude" : "longitude", crs.uri()));
            }
        }
    }

    /** A box in longitude/latitude degrees, possibly crossing the antimeridian. */
    record Geographic(Bbox box) implements BboxFilter {

        @Override
        public void addTo(SqlStatement statement, String column) {
            statement.bind("bbox_west", box.west()).bind("bbox_south", box.south())
                    .bind("bbox_east", box.east()).bind("bbox_north", box.north());
            if (box.crossesAntimeridian()) {
                statement.where("(ST_Intersects(" + column + ", "
                        + Bbox.sqlEnvelope(":bbox_west, :bbox_south, 180, :bbox_north, 4326") + ") OR ST_Intersects("
                        + column + ", " + Bbox.sqlEnvelope("-180, :bbox_south, :bbox_east, :bbox_north, 4326") + "))");
            } else {
                statement.where("ST_Intersects(" + column + ", "
                        + Bbox.sqlEnvelope(":bbox_west, :bbox_south, :bbox_east, :bbox_north, 4326") + ")");
            }
        }
    }

    /**
     * A box in a projected CRS. Its edges are densified before the transformation, so that the curved edges of
     * the box in degrees are followed to within a small fraction of its size.
     */
    record Projected(double[] corners, int srid) implements BboxFilter {

        @Override
        public void addTo(SqlStatement statement, String column) {
            double segment = Math.max(corners[2] - corners[0], corners[3] - corners[1]) / 64.0;
            statement.bind("bbox_min_x", corners[0]).bind("bbox_min_y", corners[1])
                    .bind("bbox_max_x", corners[2]).bind("bbox_max_y", corners[3])
                    .bind("bbox_segment", segment > 0 ? segment : 1.0);
            statement.where("ST_Intersects(" + column + ", ST_Transform(ST_Segmentize(" + Bbox.sqlEnvelope(
                    ":bbox_min_x, :bbox_min_y, :bbox_max_x, :bbox_max_y, " + srid) + ", :bbox_segment), 4326))");
        }
    }
}
