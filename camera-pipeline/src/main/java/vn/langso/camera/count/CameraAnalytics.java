package vn.langso.camera.count;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.langso.camera.detect.Detection;
import vn.langso.camera.image.DominantColour;
import vn.langso.camera.image.Snapshots;
import vn.langso.camera.send.Messages.CountItem;
import vn.langso.camera.send.Messages.DetectionItem;
import vn.langso.camera.send.Messages.ViolationItem;
import vn.langso.camera.track.Box;
import vn.langso.camera.track.Track;
import vn.langso.camera.track.TrackPoint;
import vn.langso.camera.track.Tracker;

/**
 * Everything one camera derives from its detections: tracks, line crossings and their interval counts,
 * wrong-way and no-stopping violations, and the sampled detections sent for search. Used by one thread.
 */
public final class CameraAnalytics {

    /**
     * Settings of the rules.
     *
     * @param detectionSample  a track's detection is reported at most once per this period
     * @param stillWindow      an object is still when its centre moved less than {@code stillFraction} of its
     *                         box diagonal over this window
     */
    public record Settings(Duration countInterval, Duration detectionSample, Duration stillWindow,
                           double stillFraction) {

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 0.15);
        }
    }

    /** Output of one frame, apart from the counts, which the interval counter keeps. */
    public record FrameResult(List<Track> tracks, List<DetectionItem> detections, List<ViolationItem> violations,
                              int crossings) {
    }

    private final List<CountingLine> lines;
    private final List<Zone> zones;
    private final Settings settings;
    private final Tracker.Settings trackerSettings;
    private Tracker tracker;
    private final IntervalCounter counter;
    private final Map<Long, Set<String>> countedLines = new HashMap<>();
    private final Map<Long, Instant> lastReported = new HashMap<>();
    private final Map<String, Instant> stillSince = new HashMap<>();
    private final Set<String> reportedStops = new HashSet<>();
    private long totalCrossings;

    public CameraAnalytics(List<CountingLine> lines, List<Zone> zones, Settings settings,
                           Tracker.Settings trackerSettings) {
        this.lines = List.copyOf(lines);
        this.zones = List.copyOf(zones);
        this.settings = settings;
        this.trackerSettings = trackerSettings;
        this.tracker = new Tracker(trackerSettings);
        this.counter = new IntervalCounter(settings.countInterval());
    }

    /** Tracks the frame's detections and applies the lines and zones. */
    public FrameResult process(BufferedImage frame, Instant at, List<Detection> detections) {
        List<Track> tracks = tracker.update(detections, at);
        List<DetectionItem> sampled = new ArrayList<>();
        List<ViolationItem> violations = new ArrayList<>();
        int crossings = 0;
        for (Track track : tracks) {
            crossings += applyLines(frame, at, track, violations);
            applyZones(frame, at, track, violations);
            sample(frame, at, track, sampled);
        }
        forgetEndedTracks();
        totalCrossings += crossings;
        return new FrameResult(tracks, sampled, violations, crossings);
    }

    private int applyLines(BufferedImage frame, Instant at, Track track, List<ViolationItem> violations) {
        int crossings = 0;
        for (CountingLine line : lines) {
            Set<String> counted = countedLines.computeIfAbsent(track.id(), id -> new HashSet<>());
            if (counted.contains(line.id())) {
                continue;
            }
            Optional<Direction> direction = line.crossing(track.previous(), track.last());
            if (direction.isEmpty()) {
                continue;
            }
            counted.add(line.id());
            counter.add(line.id(), track.roadClass(), direction.get(), at);
            crossings++;
            if (line.wrongWay() && direction.get() == Direction.BACKWARD) {
                violations.add(violation("wrong_way", frame, at, track, line.id(), null));
            }
        }
        return crossings;
    }

    private void applyZones(BufferedImage frame, Instant at, Track track, List<ViolationItem> violations) {
        TrackPoint last = track.last();
        for (Zone zone : zones) {
            if (zone.maxStopSeconds() == null) {
                continue;
            }
            String key = track.id() + "/" + zone.id();
            if (!zone.contains(last.x(), last.y()) || !isStill(track, at)) {
                stillSince.remove(key);
                continue;
            }
            Instant since = stillSince.computeIfAbsent(key, ignored -> at.minus(settings.stillWindow()));
            long stoppedMillis = Duration.between(since, at).toMillis();
            if (stoppedMillis > zone.maxStopSeconds() * 1000 && reportedStops.add(key)) {
                violations.add(violation("no_stopping", frame, at, track, null, zone.id()));
            }
        }
    }

    /** Returns whether the track's centre moved less than the still threshold over the still window. */
    private boolean isStill(Track track, Instant at) {
        List<TrackPoint> points = track.points();
        Instant windowStart = at.minus(settings.stillWindow());
        if (points.getFirst().at().isAfter(windowStart)) {
            return false;
        }
        TrackPoint reference = points.getFirst();
        for (TrackPoint point : points) {
            if (point.at().isAfter(windowStart)) {
                break;
            }
            reference = point;
        }
        TrackPoint last = track.last();
        Box box = track.box();
        double limit = Math.hypot(box.width(), box.height()) * settings.stillFraction();
        return Math.hypot(last.x() - reference.x(), last.y() - reference.y()) < limit;
    }

    private ViolationItem violation(String type, BufferedImage frame, Instant at, Track track, String lineId,
                                    String zoneId) {
        String label = type + " #" + track.id() + " " + track.roadClass().wireName();
        byte[] jpeg = Snapshots.render(frame, track.box(), track.points(), label);
        // Times as whole milliseconds: written as a double, an epoch time would come out in exponent notation.
        List<List<Number>> points = new ArrayList<>();
        for (TrackPoint point : track.points()) {
            points.add(List.of(point.at().toEpochMilli(), round(point.x()), round(point.y())));
        }
        return new ViolationItem(type, track.id(), track.roadClass().wireName(), at.toString(), lineId, zoneId,
                Base64.getEncoder().encodeToString(jpeg), points);
    }

    private void sample(BufferedImage frame, Instant at, Track track, List<DetectionItem> sampled) {
        Instant previous = lastReported.get(track.id());
        if (previous != null && Duration.between(previous, at).compareTo(settings.detectionSample()) < 0) {
            return;
        }
        lastReported.put(track.id(), at);
        Box box = track.box();
        int[] wireBox = {(int) Math.round(box.x()), (int) Math.round(box.y()), (int) Math.round(box.width()),
                (int) Math.round(box.height())};
        sampled.add(new DetectionItem(track.id(), track.roadClass().wireName(), round(track.score()), wireBox,
                at.toString(), DominantColour.of(frame, box)));
    }

    private void forgetEndedTracks() {
        Set<Long> live = new HashSet<>();
        for (Track track : tracker.tracks()) {
            live.add(track.id());
        }
        countedLines.keySet().retainAll(live);
        lastReported.keySet().retainAll(live);
        stillSince.keySet().removeIf(key -> !live.contains(Long.parseLong(key.substring(0, key.indexOf('/')))));
        reportedStops.removeIf(key -> !live.contains(Long.parseLong(key.substring(0, key.indexOf('/')))));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * Ends every track, for a break in the video (a reconnect, or a looped file starting again). Matching objects
     * across a break would make tracks jump across lines that no object crossed. Counts are kept.
     */
    public void endTracks() {
        tracker = new Tracker(trackerSettings);
        forgetEndedTracks();
    }

    /** Removes and returns the counts of closed intervals. */
    public List<CountItem> drainClosedCounts(Instant now) {
        return counter.drainClosed(now);
    }

    /** Removes and returns all counts, the open interval included. */
    public List<CountItem> drainAllCounts() {
        return counter.drainAll();
    }

    /** Crossings of all lines since this camera started. */
    public long totalCrossings() {
        return totalCrossings;
    }
}
