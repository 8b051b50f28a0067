package vn.langso.gis.validate;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Type and validity checks of one feature's geometry, before transformation. Invalid polygons (for
 * example a self-intersecting ring) are repaired with JTS {@link GeometryFixer} and reported as repaired.
 * A geometry that becomes empty or non-polygonal when repaired is rejected, and so is an invalid point.
 */
public final class GeometryCheck {

    /** Geometry kind a target accepts. */
    public enum Expected {
        /** Place layers: a Point, or a MultiPoint with exactly one point. */
        POINT,
        /** Administrative units: a Polygon or MultiPolygon. */
        POLYGONAL
    }

    /**
     * Outcome of the check.
     *
     * @param geometry       the geometry to store (repaired when {@code repairReason} is set), or null when rejected
     * @param repairReason   what was wrong with the original, when it was repaired
     * @param rejectReason   why the feature cannot be stored, or null
     */
    public record Result(Geometry geometry, String repairReason, String rejectReason) {

        static Result accepted(Geometry geometry) {
            return new Result(geometry, null, null);
        }

        static Result rejected(String reason) {
            return new Result(null, null, reason);
        }

        public boolean isRejected() {
            return rejectReason != null;
        }
    }

    private GeometryCheck() {
    }

    public static Result check(Geometry geometry, Expected expected, String targetName) {
        if (geometry == null) {
            return Result.rejected("feature has no geometry");
        }
        if (geometry.isEmpty()) {
            return Result.rejected("geometry is empty");
        }
        Geometry typed = toExpectedType(geometry, expected);
        if (typed == null) {
            String accepted = expected == Expected.POINT ? "Point" : "Polygon or MultiPolygon";
            return Result.rejected("geometry type " + geometry.getGeometryType() + " is not accepted by " + targetName
                    + "; expected " + accepted);
        }

        IsValidOp validity = new IsValidOp(typed);
        if (validity.isValid()) {
            return Result.accepted(typed);
        }
        TopologyValidationError error = validity.getValidationError();
        String problem = error.getMessage() + " near (" + error.getCoordinate().x + " " + error.getCoordinate().y + ")";
        if (expected == Expected.POINT) {
            return Result.rejected("invalid geometry: " + problem);
        }
        Geometry fixed = GeometryFixer.fix(typed);
        if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
            return Result.rejected("invalid geometry that cannot be repaired: " + problem);
        }
        return new Result(fixed, "repaired invalid geometry: " + problem, null);
    }

    private static Geometry toExpectedType(Geometry geometry, Expected expected) {
        return switch (expected) {
            case POINT -> {
                if (geometry instanceof Point) {
                    yield geometry;
                }
                if (geometry instanceof MultiPoint multiPoint && multiPoint.getNumGeometries() == 1) {
                    yield multiPoint.getGeometryN(0);
                }
                yield null;
            }
            case POLYGONAL -> geometry instanceof Polygon || geometry instanceof MultiPolygon ? geometry : null;
        };
    }
}
