package vn.langso.camera.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import vn.langso.camera.track.Box;
import vn.langso.camera.track.TrackPoint;

/** Draws the evidence of a violation onto a copy of the frame and encodes it as JPEG. */
public final class Snapshots {

    private static final Color BOX_COLOUR = new Color(255, 40, 40);
    private static final Color TRACK_COLOUR = new Color(255, 220, 0);

    private Snapshots() {
    }

    /** Returns a JPEG of the frame with the box, the label above it and the track as a line with dots. */
    public static byte[] render(BufferedImage frame, Box box, List<TrackPoint> track, String label) {
        BufferedImage copy = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.drawImage(frame, 0, 0, null);
            int stroke = Math.max(2, frame.getWidth() / 320);
            graphics.setStroke(new BasicStroke(stroke));
            graphics.setColor(TRACK_COLOUR);
            for (int i = 1; i < track.size(); i++) {
                TrackPoint from = track.get(i - 1);
                TrackPoint to = track.get(i);
                graphics.drawLine((int) from.x(), (int) from.y(), (int) to.x(), (int) to.y());
            }
            for (TrackPoint point : track) {
                graphics.fillOval((int) point.x() - stroke, (int) point.y() - stroke, 2 * stroke, 2 * stroke);
            }
            graphics.setColor(BOX_COLOUR);
            graphics.drawRect((int) box.x(), (int) box.y(), (int) box.width(), (int) box.height());
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, frame.getWidth() / 60)));
            graphics.drawString(label, (int) box.x(), (int) Math.max(box.y() - 4, 14));
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(copy, "jpeg", jpeg)) {
                throw new IllegalStateException("No JPEG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a snapshot", e);
        }
        return jpeg.toByteArray();
    }
}
