package vn.langso.backend.ogc.tiles;

import java.math.BigInteger;
import java.util.regex.Pattern;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;

/**
 * One tile of WebMercatorQuad: the tile matrix (zoom), the row (y, counted from the north) and the column
 * (x, counted from the west), in the OGC order of the tile paths.
 */
record TileCoordinates(int zoom, long row, long col) {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /**
     * Parses and checks the path segments of a tile request, before any database work.
     *
     * @throws InvalidParameterException when a segment is not a whole number (HTTP 400)
     * @throws NotFoundException         when the zoom is outside {@code [minZoom, maxZoom]} or the row or column
     *                                   is outside {@code [0, 2^zoom - 1]} (HTTP 404, because no such tile exists)
     */
    static TileCoordinates parse(String tileMatrix, String tileRow, String tileCol, int minZoom, int maxZoom) {
        BigInteger zoom = wholeNumber("tileMatrix", tileMatrix);
        BigInteger row = wholeNumber("tileRow", tileRow);
        BigInteger col = wholeNumber("tileCol", tileCol);

        if (zoom.compareTo(BigInteger.valueOf(minZoom)) < 0 || zoom.compareTo(BigInteger.valueOf(maxZoom)) > 0) {
            throw new NotFoundException("Tile matrix " + zoom + " is not served; WebMercatorQuad tile matrices "
                    + minZoom + " to " + maxZoom + " are available here.");
        }

        int z = zoom.intValueExact();
        BigInteger size = BigInteger.ONE.shiftLeft(z);
        if (row.signum() < 0 || row.compareTo(size) >= 0 || col.signum() < 0 || col.compareTo(size) >= 0) {
            throw new NotFoundException("Tile row " + row + ", column " + col + " is outside tile matrix " + z
                    + "; rows and columns there go from 0 to " + size.subtract(BigInteger.ONE) + ".");
        }
        return new TileCoordinates(z, row.longValueExact(), col.longValueExact());
    }

    /** Returns the side of one aggregation cell in EPSG:3857 metres: the tile width divided into 64. */
    double aggregationCellSize() {
        return WebMercatorQuad.tileSpan(zoom) / 64;
    }

    @Override
    public String toString() {
        return zoom + "/" + row + "/" + col;
    }

    private static BigInteger wholeNumber(String name, String raw) {
        if (raw == null || raw.length() > 200 || !WHOLE_NUMBER.matcher(raw).matches()) {
            String printable = raw == null ? "" : raw.replaceAll("[\\r\\n]", " ");
            printable = printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
            throw InvalidParameterException.of(name, "Path segment " + name + " '" + printable
                    + "' is not a whole number; tile paths are /{tileMatrix}/{tileRow}/{tileCol}, for example /12/1934/3249.");
        }
        return new BigInteger(raw);
    }
}
