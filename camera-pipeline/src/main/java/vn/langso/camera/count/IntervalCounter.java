package vn.langso.camera.count;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.langso.camera.detect.RoadClass;
import vn.langso.camera.send.Messages.CountItem;

/**
 * Counts line crossings per line, class and direction in fixed intervals aligned to the epoch (a 60 s interval
 * starts on the minute). An interval is reported once, after a later crossing or clock tick has passed its end.
 */
public final class IntervalCounter {

    private record Key(String lineId, RoadClass roadClass, Direction direction) {
    }

    private final long intervalMillis;
    private final TreeMap<Long, Map<Key, Long>> open = new TreeMap<>();

    public IntervalCounter(Duration interval) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("Count interval must be positive, was " + interval);
        }
        this.intervalMillis = interval.toMillis();
    }

    public void add(String lineId, RoadClass roadClass, Direction direction, Instant at) {
        long start = Math.floorDiv(at.toEpochMilli(), intervalMillis) * intervalMillis;
        open.computeIfAbsent(start, key -> new java.util.LinkedHashMap<>())
                .merge(new Key(lineId, roadClass, direction), 1L, Long::sum);
    }

    /** Removes and returns the counts of the intervals that ended at or before {@code now}. */
    public List<CountItem> drainClosed(Instant now) {
        List<CountItem> closed = new ArrayList<>();
        Iterator<Map.Entry<Long, Map<Key, Long>>> iterator = open.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<Long, Map<Key, Long>> interval = iterator.next();
            if (interval.getKey() + intervalMillis > now.toEpochMilli()) {
                break;
            }
            addItems(closed, interval.getKey(), interval.getValue());
            iterator.remove();
        }
        return closed;
    }

    /** Removes and returns every count, including the open interval, when a camera stops for good. */
    public List<CountItem> drainAll() {
        List<CountItem> all = new ArrayList<>();
        open.forEach((start, counts) -> addItems(all, start, counts));
        open.clear();
        return all;
    }

    private void addItems(List<CountItem> target, long start, Map<Key, Long> counts) {
        String intervalStart = Instant.ofEpochMilli(start).toString();
        String intervalEnd = Instant.ofEpochMilli(start + intervalMillis).toString();
        counts.forEach((key, count) -> target.add(new CountItem(key.lineId(), key.roadClass().wireName(),
                key.direction().wireName(), intervalStart, intervalEnd, count)));
    }
}
