package vn.langso.camera.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langso.camera.detect.Detection;
import vn.langso.camera.detect.RoadClass;
import vn.langso.camera.send.Messages.CountItem;
import vn.langso.camera.send.Messages.ViolationItem;
import vn.langso.camera.track.Box;
import vn.langso.camera.track.Tracker;

/** Lines, zones and intervals on recorded tracks (detections given frame by frame, 10 frames per second). */
class CameraAnalyticsTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final BufferedImage FRAME = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    private static final CountingLine LINE = new CountingLine("lane", 0, 240, 640, 240, 0, 1, true);
    private static final Zone BUS_STOP = new Zone("bus-stop",
            List.of(new double[] {300, 300}, new double[] {500, 300}, new double[] {500, 460}, new double[] {300, 460}),
            3.0);

    private static CameraAnalytics analytics(Duration interval) {
        return new CameraAnalytics(List.of(LINE), List.of(BUS_STOP),
                new CameraAnalytics.Settings(interval, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.15),
                Tracker.Settings.defaults());
    }

    private static Detection car(double x, double y) {
        return new Detection(RoadClass.CAR, 0.9, new Box(x - 20, y - 15, 40, 30));
    }

    private static Instant frame(int index) {
        return START.plusMillis(index * 100L);
    }

    @Test
    void forwardCrossingCountsWithoutViolation() {
        CameraAnalytics analytics = analytics(Duration.ofMinutes(1));
        List<ViolationItem> violations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            violations.addAll(analytics.process(FRAME, frame(i), List.of(car(100, 200 + i * 5))).violations());
        }

        assertThat(violations).isEmpty();
        List<CountItem> counts = analytics.drainAllCounts();
        assertThat(counts).singleElement().satisfies(count -> {
            assertThat(count.lineId()).isEqualTo("lane");
            assertThat(count.objectClass()).isEqualTo("car");
            assertThat(count.direction()).isEqualTo("forward");
            assertThat(count.count()).isEqualTo(1);
            assertThat(count.intervalStart()).isEqualTo("2026-12-04T10:00:00Z");
            assertThat(count.intervalEnd()).isEqualTo("2026-12-04T10:01:00Z");
        });
    }

    @Test
    void wrongWayJitterGivesOneViolation() {
        CameraAnalytics analytics = analytics(Duration.ofMinutes(1));
        List<ViolationItem> violations = new ArrayList<>();
        // Up across the line, then jittering around it: one violation, because a track counts once per line.
        double[] ys = {280, 270, 260, 250, 238, 244, 236, 242, 230, 220};
        for (int i = 0; i < ys.length; i++) {
            violations.addAll(analytics.process(FRAME, frame(i), List.of(car(100, ys[i]))).violations());
        }

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.type()).isEqualTo("wrong_way");
            assertThat(violation.lineId()).isEqualTo("lane");
            assertThat(violation.zoneId()).isNull();
            assertThat(violation.snapshotJpeg()).isNotBlank();
            assertThat(violation.track()).hasSizeGreaterThanOrEqualTo(4);
        });
        assertThat(analytics.totalCrossings()).isEqualTo(1);
    }

    @Test
    void stopInNoStoppingZoneOnlyAfterLimit() {
        CameraAnalytics analytics = analytics(Duration.ofMinutes(1));
        List<Integer> violationFrames = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            // Parked at (400, 380) with a pixel of jitter from the detector.
            List<ViolationItem> violations = analytics.process(FRAME, frame(i),
                    List.of(car(400 + (i % 2), 380))).violations();
            if (!violations.isEmpty()) {
                assertThat(violations.getFirst().type()).isEqualTo("no_stopping");
                assertThat(violations.getFirst().zoneId()).isEqualTo("bus-stop");
                violationFrames.add(i);
            }
        }

        // Still from its first frame: 3 s allowed, so the first frame past 3 s (frame 31), and only once.
        assertThat(violationFrames).containsExactly(31);
    }

    @Test
    void slowTrafficInZoneIsNotStopping() {
        CameraAnalytics analytics = analytics(Duration.ofMinutes(1));
        List<ViolationItem> violations = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            violations.addAll(analytics.process(FRAME, frame(i), List.of(car(310 + i * 3, 380))).violations());
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void closedIntervalsAreDrainedOnce() {
        CameraAnalytics analytics = analytics(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            analytics.process(FRAME, frame(i), List.of(car(100, 200 + i * 5)));
        }

        assertThat(analytics.drainClosedCounts(frame(20))).hasSize(1);
        assertThat(analytics.drainClosedCounts(frame(40))).isEmpty();
        assertThat(analytics.drainAllCounts()).isEmpty();
    }

    @Test
    void endTracksPreventsJumpAcrossLine() {
        CameraAnalytics continued = analytics(Duration.ofMinutes(1));
        CameraAnalytics restarted = analytics(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            continued.process(FRAME, frame(i), List.of(car(100, 280)));
            restarted.process(FRAME, frame(i), List.of(car(100, 280)));
        }
        restarted.endTracks();
        // A looped file starts again: a different car appears above the line, close enough to be matched.
        for (int i = 3; i < 6; i++) {
            continued.process(FRAME, frame(i), List.of(car(100, 236)));
            restarted.process(FRAME, frame(i), List.of(car(100, 236)));
        }

        assertThat(continued.totalCrossings()).as("without the break the track jumps across the line").isEqualTo(1);
        assertThat(restarted.totalCrossings()).isZero();
    }
}
