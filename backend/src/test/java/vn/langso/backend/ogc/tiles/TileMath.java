package vn.langso.backend.ogc.tiles;

/** Converts longitude and latitude to WebMercatorQuad tile indices, as the tests' reference. */
public record TileMath(int zoom, long row, long col) {

    public static TileMath containing(double lon, double lat, int zoom) {
        double n = Math.pow(2, zoom);
        long col = (long) Math.floor((lon + 180) / 360 * n);
        double latRadians = Math.toRadians(lat);
        double mercatorY = Math.log(Math.tan(latRadians) + 1 / Math.cos(latRadians));
        long row = (long) Math.floor((1 - mercatorY / Math.PI) / 2 * n);
        return new TileMath(zoom, row, col);
    }

    /** Returns the longitude of the tile's centre. */
    double centreLon() {
        return (col + 0.5) / Math.pow(2, zoom) * 360 - 180;
    }

    /** Returns the latitude of the tile's centre. */
    double centreLat() {
        double y = Math.PI * (1 - 2 * (row + 0.5) / Math.pow(2, zoom));
        return Math.toDegrees(Math.atan(Math.sinh(y)));
    }

    /** Returns the OGC path suffix {@code zoom/row/col}. */
    public String path() {
        return zoom + "/" + row + "/" + col;
    }
}
