package vn.langso.camera.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langso.camera.detect.Detection;
import vn.langso.camera.detect.RoadClass;

class TrackerTest {

    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    private static Detection at(RoadClass roadClass, double x, double y) {
        return new Detection(roadClass, 0.8, new Box(x, y, 40, 30));
    }

    @Test
    void twoObjectsKeepTheirIds() {
        Tracker tracker = new Tracker(Tracker.Settings.defaults());
        List<Track> seen = List.of();
        for (int i = 0; i < 10; i++) {
            seen = tracker.update(List.of(at(RoadClass.CAR, 10 + i * 8, 100), at(RoadClass.BUS, 300 - i * 8, 100)),
                    T.plusMillis(i * 100L));
        }

        assertThat(seen).hasSize(2);
        assertThat(seen).extracting(Track::id).containsExactlyInAnyOrder(1L, 2L);
        Track car = seen.stream().filter(track -> track.roadClass() == RoadClass.CAR).findFirst().orElseThrow();
        assertThat(car.id()).isEqualTo(1);
        assertThat(car.points()).hasSize(10);
    }

    @Test
    void fastObjectWithoutOverlapIsFollowed() {
        Tracker tracker = new Tracker(Tracker.Settings.defaults());
        List<Track> seen = List.of();
        for (int i = 0; i < 6; i++) {
            // 45 px per frame for a 40 px box: consecutive boxes never overlap.
            seen = tracker.update(List.of(at(RoadClass.CAR, 10 + i * 45, 100)), T.plusMillis(i * 100L));
        }

        assertThat(seen).singleElement().extracting(Track::id).isEqualTo(1L);
    }

    @Test
    void trackOutlivesShortGapOnly() {
        Tracker tracker = new Tracker(Tracker.Settings.defaults());
        tracker.update(List.of(at(RoadClass.CAR, 100, 100)), T);
        tracker.update(List.of(at(RoadClass.CAR, 105, 100)), T.plusMillis(100));
        for (int i = 0; i < 3; i++) {
            tracker.update(List.of(), T.plusMillis(200 + i * 100L));
        }
        List<Track> back = tracker.update(List.of(at(RoadClass.CAR, 125, 100)), T.plusMillis(500));

        assertThat(back).singleElement().extracting(Track::id).isEqualTo(1L);
        for (int i = 0; i < 9; i++) {
            tracker.update(List.of(), T.plusMillis(600 + i * 100L));
        }
        assertThat(tracker.tracks()).isEmpty();
    }

    @Test
    void singleFrameDetectionIsNotReported() {
        Tracker tracker = new Tracker(Tracker.Settings.defaults());

        assertThat(tracker.update(List.of(at(RoadClass.CAR, 100, 100)), T)).isEmpty();
    }

    @Test
    void classIsMajorityVote() {
        Tracker tracker = new Tracker(Tracker.Settings.defaults());
        List<Track> seen = List.of();
        RoadClass[] classes = {RoadClass.CAR, RoadClass.CAR, RoadClass.TRUCK, RoadClass.CAR};
        for (int i = 0; i < classes.length; i++) {
            seen = tracker.update(List.of(at(classes[i], 100 + i * 5, 100)), T.plusMillis(i * 100L));
        }

        assertThat(seen).singleElement().extracting(Track::roadClass).isEqualTo(RoadClass.CAR);
    }
}
