package vn.langso.backend.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Fixtures shared by the report tests: commune squares and photos made in memory. */
public final class ReportTestData {

    /** Commune 87001 covers lon 105.60-105.66, lat 10.43-10.49; 87002 lies east of it. */
    public static final String COMMUNES = """
            INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, valid_to, geom, source) VALUES
              ('87001', 'Mỹ Trà', 'commune', 'Phường', '82', '2025-07-01', NULL,
               ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
              ('87002', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01', NULL,
               ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test')""";

    /** A point inside commune 87001. */
    public static final double LON_87001 = 105.6341;
    public static final double LAT_87001 = 10.4609;
    /** A point inside commune 87002. */
    public static final double LON_87002 = 105.6900;
    public static final double LAT_87002 = 10.4600;

    private ReportTestData() {
    }

    /** Returns the JSON of a report in commune 87001 unless a point is given. */
    public static String reportJson(String category, String description, double lon, double lat) {
        return "{\"category\":\"" + category + "\",\"description\":\"" + description.replace("\"", "\\\"")
                + "\",\"lon\":" + lon + ",\"lat\":" + lat + ",\"reporterName\":\"Nguyễn Văn A\",\"reporterPhone\":\"0901234567\"}";
    }

    /** Encodes a small test picture with the JDK's writer ({@code jpeg} or {@code png}). */
    public static byte[] picture(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(30, 120, 200));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.YELLOW);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Returns a JPEG with an EXIF APP1 segment whose GPS IFD contains the position, inserted after SOI. */
    public static byte[] jpegWithGps(double lon, double lat) {
        byte[] jpeg = picture("jpeg", 64, 48);
        byte[] tiff = gpsTiff(lon, lat);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xff).put((byte) 0xe1).putShort((short) length).put(exif).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** Returns the rational bytes of a coordinate as {@link #gpsTiff} writes them, to look for in served copies. */
    public static byte[] rationals(double degrees) {
        double value = Math.abs(degrees);
        int whole = (int) value;
        int minutes = (int) ((value - whole) * 60);
        long seconds = Math.round(((value - whole) * 60 - minutes) * 60 * 10000);
        return ByteBuffer.allocate(24).putInt(whole).putInt(1).putInt(minutes).putInt(1)
                .putInt((int) seconds).putInt(10000).array();
    }

    /** Big-endian TIFF: IFD0 with one GPS pointer, a GPS IFD with tags 1-4, then the rationals. */
    private static byte[] gpsTiff(double lon, double lat) {
        ByteBuffer tiff = ByteBuffer.allocate(128);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) (lat >= 0 ? 'N' : 'S')).put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) (lon >= 0 ? 'E' : 'W')).put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
        tiff.putInt(0);
        tiff.put(rationals(lat)).put(rationals(lon));
        return java.util.Arrays.copyOf(tiff.array(), tiff.position());
    }

    /** Returns the first index of the pattern in the data, or -1. */
    public static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
