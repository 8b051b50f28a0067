package vn.langso.camera.detect;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * YOLOX input: the image scaled by {@code min(size / h, size / w)} with bilinear interpolation, pasted at the
 * top-left of a square canvas filled with 114, as BGR planes (CHW) of raw 0-255 floats without normalisation.
 */
record Letterbox(float[] chw, double ratio) {

    static final int PAD_VALUE = 114;

    static Letterbox of(BufferedImage bgrImage, int size) {
        double ratio = Math.min((double) size / bgrImage.getHeight(), (double) size / bgrImage.getWidth());
        int scaledWidth = (int) (bgrImage.getWidth() * ratio);
        int scaledHeight = (int) (bgrImage.getHeight() * ratio);

        BufferedImage scaled = new BufferedImage(scaledWidth, scaledHeight, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(bgrImage, 0, 0, scaledWidth, scaledHeight, null);
        } finally {
            graphics.dispose();
        }

        float[] chw = new float[3 * size * size];
        java.util.Arrays.fill(chw, PAD_VALUE);
        byte[] pixels = ((DataBufferByte) scaled.getRaster().getDataBuffer()).getData();
        int plane = size * size;
        for (int y = 0; y < scaledHeight; y++) {
            int rowStart = y * scaledWidth * 3;
            for (int x = 0; x < scaledWidth; x++) {
                int source = rowStart + x * 3;
                int target = y * size + x;
                chw[target] = pixels[source] & 0xFF;
                chw[plane + target] = pixels[source + 1] & 0xFF;
                chw[2 * plane + target] = pixels[source + 2] & 0xFF;
            }
        }
        return new Letterbox(chw, ratio);
    }
}
