package vn.langso.camera.track;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.langso.camera.detect.Detection;
import vn.langso.camera.detect.RoadClass;

/**
 * One object followed across frames. Its class is the one detected most often (weighted by score), so one
 * misclassified frame does not change it. Not thread-safe: a camera's tracks belong to its processing thread.
 */
public final class Track {

    /** Points kept per track for violations and snapshots; older ones are dropped. */
    static final int MAX_POINTS = 120;

    private final long id;
    private final Deque<TrackPoint> points = new ArrayDeque<>();
    private final Map<RoadClass, Double> classVotes = new EnumMap<>(RoadClass.class);
    private final Instant firstSeen;
    private Box box;
    private double velocityX;
    private double velocityY;
    private double score;
    private int hits;
    private int misses;

    Track(long id, Detection detection, Instant at) {
        this.id = id;
        this.firstSeen = at;
        this.box = detection.box();
        apply(detection, at);
    }

    void update(Detection detection, Instant at) {
        velocityX = detection.box().centreX() - box.centreX();
        velocityY = detection.box().centreY() - box.centreY();
        box = detection.box();
        misses = 0;
        apply(detection, at);
    }

    private void apply(Detection detection, Instant at) {
        hits++;
        score = detection.score();
        classVotes.merge(detection.roadClass(), detection.score(), Double::sum);
        points.addLast(new TrackPoint(at, box.centreX(), box.centreY()));
        while (points.size() > MAX_POINTS) {
            points.removeFirst();
        }
    }

    void markMissed() {
        misses++;
    }

    /** Box expected in the next frame if the object keeps its last displacement per frame. */
    Box predictedBox() {
        double steps = misses + 1;
        return new Box(box.x() + velocityX * steps, box.y() + velocityY * steps, box.width(), box.height());
    }

    public long id() {
        return id;
    }

    public Box box() {
        return box;
    }

    public double score() {
        return score;
    }

    public int hits() {
        return hits;
    }

    public int misses() {
        return misses;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public RoadClass roadClass() {
        RoadClass best = null;
        double bestVotes = -1;
        for (Map.Entry<RoadClass, Double> vote : classVotes.entrySet()) {
            if (vote.getValue() > bestVotes) {
                best = vote.getKey();
                bestVotes = vote.getValue();
            }
        }
        return best;
    }

    /** Returns the last point of the track. */
    public TrackPoint last() {
        return points.getLast();
    }

    /** Returns the point before the last one, or the last one when the track has only one. */
    public TrackPoint previous() {
        if (points.size() < 2) {
            return points.getLast();
        }
        var iterator = points.descendingIterator();
        iterator.next();
        return iterator.next();
    }

    /** Recent points, oldest first. */
    public List<TrackPoint> points() {
        return new ArrayList<>(points);
    }
}
