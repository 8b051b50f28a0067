package vn.langso.camera.count;

import java.util.Optional;
import vn.langso.camera.track.TrackPoint;

/**
 * A segment in image pixels that counts objects whose centre crosses it.
 *
 * @param forwardX  x of a vector pointing the way that counts as forward; only its side of the line matters
 * @param forwardY  y of that vector (image y grows downwards)
 * @param wrongWay  whether a backward crossing is a wrong-way violation
 */
public record CountingLine(String id, double x1, double y1, double x2, double y2, double forwardX, double forwardY,
                           boolean wrongWay) {

    public CountingLine {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A counting line needs an id");
        }
        if (x1 == x2 && y1 == y2) {
            throw new IllegalArgumentException("Counting line " + id + ": its two points are equal; give two"
                    + " different points in image pixels");
        }
        if (Math.abs(cross(x2 - x1, y2 - y1, forwardX, forwardY)) < 1e-9) {
            throw new IllegalArgumentException("Counting line " + id + ": the forward direction (" + forwardX
                    + ", " + forwardY + ") runs along the line; give a direction that crosses it");
        }
    }

    /**
     * Returns the direction in which the move from {@code from} to {@code to} crosses this segment, or empty when
     * it does not cross it. A move that ends exactly on the line counts, one that starts on it does not, so an
     * object resting on the line is counted once.
     */
    public Optional<Direction> crossing(TrackPoint from, TrackPoint to) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double sideFrom = cross(dx, dy, from.x() - x1, from.y() - y1);
        double sideTo = cross(dx, dy, to.x() - x1, to.y() - y1);
        if (sideFrom == 0 || Math.signum(sideFrom) == Math.signum(sideTo)) {
            return Optional.empty();
        }
        double moveX = to.x() - from.x();
        double moveY = to.y() - from.y();
        double sideA = cross(moveX, moveY, x1 - from.x(), y1 - from.y());
        double sideB = cross(moveX, moveY, x2 - from.x(), y2 - from.y());
        if (Math.signum(sideA) == Math.signum(sideB) && sideA != 0) {
            return Optional.empty();
        }
        double forwardSide = cross(dx, dy, forwardX, forwardY);
        double moveSide = sideTo - sideFrom;
        return Optional.of(Math.signum(forwardSide) == Math.signum(moveSide) ? Direction.FORWARD
                : Direction.BACKWARD);
    }

    private static double cross(double ax, double ay, double bx, double by) {
        return ax * by - ay * bx;
    }
}
