package vn.langso.camera.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import vn.langso.camera.track.Box;

/**
 * Names the dominant colour of an object for tracing ("a white car"), from a histogram of named colours over
 * the middle of its box. Only the central 60% of the box is sampled, to leave out road and background at the
 * edges. The names are coarse on purpose: camera white balance and lighting move hues a lot.
 */
public final class DominantColour {

    /** The colour names reported on the wire. */
    public static final String[] NAMES = {"white", "black", "grey", "red", "orange", "yellow", "green", "cyan",
            "blue", "purple", "pink", "brown"};

    /** Sampling at most this many pixels per side keeps the cost per box bounded. */
    private static final int SAMPLES_PER_SIDE = 24;

    private DominantColour() {
    }

    /** Returns the dominant colour name inside the box of a {@code TYPE_3BYTE_BGR} image, or null for an empty box. */
    public static String of(BufferedImage bgrImage, Box box) {
        Box clipped = box.clip(bgrImage.getWidth(), bgrImage.getHeight());
        int left = (int) (clipped.x() + clipped.width() * 0.2);
        int top = (int) (clipped.y() + clipped.height() * 0.2);
        int right = (int) (clipped.x() + clipped.width() * 0.8);
        int bottom = (int) (clipped.y() + clipped.height() * 0.8);
        if (right <= left || bottom <= top) {
            return null;
        }
        byte[] pixels = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
        int stepX = Math.max(1, (right - left) / SAMPLES_PER_SIDE);
        int stepY = Math.max(1, (bottom - top) / SAMPLES_PER_SIDE);
        int[] histogram = new int[NAMES.length];
        float[] hsb = new float[3];
        for (int y = top; y < bottom; y += stepY) {
            for (int x = left; x < right; x += stepX) {
                int offset = (y * bgrImage.getWidth() + x) * 3;
                int blue = pixels[offset] & 0xFF;
                int green = pixels[offset + 1] & 0xFF;
                int red = pixels[offset + 2] & 0xFF;
                java.awt.Color.RGBtoHSB(red, green, blue, hsb);
                histogram[nameIndex(hsb[0] * 360, hsb[1], hsb[2])]++;
            }
        }
        int best = 0;
        for (int i = 1; i < histogram.length; i++) {
            if (histogram[i] > histogram[best]) {
                best = i;
            }
        }
        return NAMES[best];
    }

    /** Maps hue in degrees, saturation and brightness in [0, 1] to an index of {@link #NAMES}. */
    static int nameIndex(double hue, double saturation, double brightness) {
        if (brightness < 0.2) {
            return 1;
        }
        if (saturation < 0.18) {
            return brightness > 0.75 ? 0 : 2;
        }
        boolean dim = brightness < 0.5;
        if (hue < 15 || hue >= 340) {
            return dim ? 11 : 3;
        }
        if (hue < 40) {
            return dim ? 11 : 4;
        }
        if (hue < 70) {
            return 5;
        }
        if (hue < 160) {
            return 6;
        }
        if (hue < 200) {
            return 7;
        }
        if (hue < 260) {
            return 8;
        }
        if (hue < 300) {
            return 9;
        }
        return 10;
    }
}
