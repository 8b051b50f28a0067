package vn.langso.camera.source;

import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * One decoded frame. The decoder never writes into it again, so the detector thread owns it.
 *
 * @param image  {@link BufferedImage#TYPE_3BYTE_BGR} pixels
 * @param at     capture time: the wall clock for live sources, start time plus the stream timestamp for files
 * @param number 1-based frame number since the camera started, across reconnects
 * @param firstOfPass whether this is the first frame after connecting or after a looped file started again,
 *                    so nothing in it continues the previous frame
 */
public record VideoFrame(BufferedImage image, Instant at, long number, boolean firstOfPass) {
}
