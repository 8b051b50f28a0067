package vn.langso.camera.track;

import java.time.Instant;

/** Centre of a track's box at one moment, in image pixels. */
public record TrackPoint(Instant at, double x, double y) {
}
