package vn.langso.camera.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import vn.langso.camera.detect.Detection;

/**
 * Assigns stable ids to detections across frames, in the manner of SORT but with a constant-velocity guess in
 * place of a Kalman filter. Each frame, detections are matched greedily to the predicted boxes of live tracks,
 * best IoU first. Detections left over are then matched by centre distance, because fast objects at a low frame
 * rate may not overlap their previous box. The rest start new tracks. A track unmatched for more than {@code maxMisses}
 * frames ends.
 */
public final class Tracker {

    /** Settings of the matching; {@code minHits} is how many frames a track needs before it is reported. */
    public record Settings(double minIou, double maxCentreDistance, int maxMisses, int minHits) {

        /**
         * @param maxCentreDistance largest centre distance for a match, as a multiple of the larger box diagonal
         */
        public static Settings defaults() {
            return new Settings(0.2, 1.0, 8, 2);
        }
    }

    private record Pair(Track track, Detection detection, double quality) {
    }

    private final Settings settings;
    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;

    public Tracker(Settings settings) {
        this.settings = settings;
    }

    /** Updates the tracks with one frame's detections and returns the confirmed tracks seen in this frame. */
    public List<Track> update(List<Detection> detections, Instant at) {
        List<Detection> unmatched = new ArrayList<>(detections);
        List<Track> free = new ArrayList<>(tracks);
        List<Track> seen = new ArrayList<>();

        matchGreedily(free, unmatched, at, seen, true);
        matchGreedily(free, unmatched, at, seen, false);

        for (Track track : free) {
            track.markMissed();
        }
        for (Detection detection : unmatched) {
            Track track = new Track(nextId++, detection, at);
            tracks.add(track);
            seen.add(track);
        }
        Iterator<Track> iterator = tracks.iterator();
        while (iterator.hasNext()) {
            if (iterator.next().misses() > settings.maxMisses()) {
                iterator.remove();
            }
        }
        List<Track> confirmed = new ArrayList<>();
        for (Track track : seen) {
            if (track.hits() >= settings.minHits()) {
                confirmed.add(track);
            }
        }
        return confirmed;
    }

    private void matchGreedily(List<Track> free, List<Detection> unmatched, Instant at, List<Track> seen,
                               boolean byIou) {
        List<Pair> pairs = new ArrayList<>();
        for (Track track : free) {
            Box predicted = track.predictedBox();
            for (Detection detection : unmatched) {
                double quality = byIou ? predicted.iou(detection.box()) : closeness(predicted, detection.box());
                double minimum = byIou ? settings.minIou() : 0;
                if (quality > minimum) {
                    pairs.add(new Pair(track, detection, quality));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::quality).reversed());
        for (Pair pair : pairs) {
            if (free.contains(pair.track()) && unmatched.contains(pair.detection())) {
                pair.track().update(pair.detection(), at);
                free.remove(pair.track());
                unmatched.remove(pair.detection());
                seen.add(pair.track());
            }
        }
    }

    /** Returns 1 for equal centres, falling to 0 at the maximum centre distance, negative beyond it. */
    private double closeness(Box predicted, Box candidate) {
        double diagonal = Math.max(Math.hypot(predicted.width(), predicted.height()),
                Math.hypot(candidate.width(), candidate.height()));
        double limit = diagonal * settings.maxCentreDistance();
        double distance = Math.hypot(predicted.centreX() - candidate.centreX(),
                predicted.centreY() - candidate.centreY());
        return limit <= 0 ? -1 : 1 - distance / limit;
    }

    /** Live tracks, confirmed or not, for tests and diagnostics. */
    public List<Track> tracks() {
        return List.copyOf(tracks);
    }
}
