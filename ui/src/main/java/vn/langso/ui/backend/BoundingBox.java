package vn.langso.ui.backend;

/** A WGS 84 longitude/latitude extent in degrees, west-south-east-north as in GeoJSON. */
public record BoundingBox(double west, double south, double east, double north) {

    public BoundingBox {
        if (!Double.isFinite(west) || !Double.isFinite(south) || !Double.isFinite(east) || !Double.isFinite(north)) {
            throw new IllegalArgumentException("Bounding box has a value that is not a finite number: "
                    + west + "," + south + "," + east + "," + north);
        }
        if (south > north || south < -90 || north > 90) {
            throw new IllegalArgumentException("Bounding box latitudes " + south + ".." + north
                    + " are out of order or outside -90..90; expected west,south,east,north");
        }
    }
}
