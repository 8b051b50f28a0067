package vn.langso.camera.detect;

import vn.langso.camera.track.Box;

/** One object found in one frame. The score is in [0, 1]; the box is in the frame's pixels. */
public record Detection(RoadClass roadClass, double score, Box box) {
}
