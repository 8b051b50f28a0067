package vn.langso.camera.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.langso.camera.track.TrackPoint;

class CountingLineTest {

    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");
    /** Horizontal line from (100, 300) to (800, 300); forward is down the image. */
    private final CountingLine line = new CountingLine("lane", 100, 300, 800, 300, 0, 1, true);

    private static TrackPoint at(double x, double y) {
        return new TrackPoint(T, x, y);
    }

    @Test
    void downwardMoveIsForward() {
        assertThat(line.crossing(at(400, 290), at(400, 310))).contains(Direction.FORWARD);
    }

    @Test
    void upwardMoveIsBackward() {
        assertThat(line.crossing(at(400, 310), at(400, 290))).contains(Direction.BACKWARD);
    }

    @Test
    void forwardDoesNotDependOnPointOrder() {
        CountingLine reversed = new CountingLine("lane", 800, 300, 100, 300, 0, 1, true);

        assertThat(reversed.crossing(at(400, 290), at(400, 310))).contains(Direction.FORWARD);
        assertThat(reversed.crossing(at(400, 310), at(400, 290))).contains(Direction.BACKWARD);
    }

    @Test
    void moveBesideSegmentDoesNotCross() {
        assertThat(line.crossing(at(900, 290), at(900, 310))).isEmpty();
        assertThat(line.crossing(at(50, 290), at(50, 310))).isEmpty();
    }

    @Test
    void moveOnOneSideDoesNotCross() {
        assertThat(line.crossing(at(400, 200), at(500, 290))).isEmpty();
    }

    @Test
    void endingOnLineCountsOnceNotTwice() {
        assertThat(line.crossing(at(400, 290), at(400, 300))).contains(Direction.FORWARD);
        assertThat(line.crossing(at(400, 300), at(400, 310))).isEmpty();
    }

    @Test
    void diagonalCrossingHasDirection() {
        CountingLine diagonal = new CountingLine("d", 0, 0, 100, 100, 1, -1, false);

        assertThat(diagonal.crossing(at(20, 60), at(60, 20))).contains(Direction.FORWARD);
        assertThat(diagonal.crossing(at(60, 20), at(20, 60))).contains(Direction.BACKWARD);
    }

    @Test
    void rejectsEqualPoints() {
        assertThatThrownBy(() -> new CountingLine("x", 5, 5, 5, 5, 0, 1, false))
                .hasMessageContaining("two points are equal");
    }

    @Test
    void rejectsForwardAlongLine() {
        assertThatThrownBy(() -> new CountingLine("x", 0, 0, 10, 0, 1, 0, false))
                .hasMessageContaining("runs along the line");
    }
}
