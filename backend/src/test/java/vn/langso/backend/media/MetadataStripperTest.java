package vn.langso.backend.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import vn.langso.backend.reports.ReportTestData;

/** Metadata removal per format, on files built in the test. */
class MetadataStripperTest {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void jpegLosesExifKeepsImage() {
        byte[] photo = ReportTestData.jpegWithGps(105.63, 10.46);

        byte[] stripped = MetadataStripper.strip(MediaFormat.JPEG, photo);

        assertThat(ExifGps.find(photo)).isPresent();
        assertThat(ExifGps.find(stripped)).isEmpty();
        assertThat(ReportTestData.indexOf(stripped, EXIF)).isEqualTo(-1);
        assertThat(Thumbnails.of(stripped)).isPresent();
    }

    @Test
    void pngLosesExifAndTextChunks() {
        byte[] png = ReportTestData.picture("png", 16, 16);
        byte[] withMetadata = insertPngChunks(png, chunk("eXIf", tiffOnly()), chunk("tEXt", "GPS\0somewhere".getBytes(StandardCharsets.ISO_8859_1)));

        byte[] stripped = MetadataStripper.strip(MediaFormat.PNG, withMetadata);

        assertThat(ReportTestData.indexOf(stripped, "eXIf".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        assertThat(ReportTestData.indexOf(stripped, "somewhere".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        assertThat(stripped).isEqualTo(png);
    }

    @Test
    void webpLosesExifChunkAndFlag() {
        byte[] exifPayload = exifBlock();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08;
        byte[] webp = riff(chunkLe("VP8X", vp8x), chunkLe("VP8L", new byte[] {0x2f, 0, 0, 0, 0}), chunkLe("EXIF", exifPayload));

        byte[] stripped = MetadataStripper.strip(MediaFormat.WEBP, webp);

        assertThat(ExifGps.find(webp)).isPresent();
        assertThat(ReportTestData.indexOf(stripped, "EXIF".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        assertThat(stripped[20] & 0x08).isZero();
        assertThat(ByteBuffer.wrap(stripped, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(stripped.length - 8);
    }

    @Test
    void mp4UserDataRenamedToFree() {
        byte[] udta = box("udta", box("\u00a9xyz", "+10.46+105.63/".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] mp4 = concat(box("ftyp", "isom\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)), box("moov", udta));

        byte[] stripped = MetadataStripper.strip(MediaFormat.MP4, mp4);

        assertThat(stripped).hasSameSizeAs(mp4);
        assertThat(ReportTestData.indexOf(stripped, "udta".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(-1);
        assertThat(ReportTestData.indexOf(stripped, "free".getBytes(StandardCharsets.ISO_8859_1))).isPositive();
    }

    @Test
    void heicKeepsSizeLosesGps() {
        byte[] heic = concat(box("ftyp", "heic\0\0\0\0mif1".getBytes(StandardCharsets.ISO_8859_1)), box("mdat", exifBlock()));

        byte[] stripped = MetadataStripper.strip(MediaFormat.HEIC, heic);

        assertThat(MediaFormat.detect(heic)).contains(MediaFormat.HEIC);
        assertThat(ExifGps.find(heic)).isPresent();
        assertThat(ExifGps.find(stripped)).isEmpty();
        assertThat(stripped).hasSameSizeAs(heic);
    }

    @Test
    void damagedJpegRejected() {
        byte[] photo = ReportTestData.picture("jpeg", 16, 16);
        byte[] cut = Arrays.copyOf(photo, 30);

        assertThatThrownBy(() -> MetadataStripper.strip(MediaFormat.JPEG, cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeFromBytesNotName() {
        assertThat(MediaFormat.detect(ReportTestData.picture("png", 4, 4))).contains(MediaFormat.PNG);
        assertThat(MediaFormat.detect(ReportTestData.picture("jpeg", 4, 4))).contains(MediaFormat.JPEG);
        assertThat(MediaFormat.detect(box("ftyp", "mp42\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))).contains(MediaFormat.MP4);
        assertThat(MediaFormat.detect("GIF89a-not-accepted".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(MediaFormat.detect(new byte[0])).isEmpty();
    }

    /** Returns the APP1 payload of the test JPEG: the EXIF header and its TIFF with a GPS IFD. */
    private static byte[] exifBlock() {
        byte[] jpeg = ReportTestData.jpegWithGps(105.63, 10.46);
        int start = ReportTestData.indexOf(jpeg, EXIF);
        int length = (jpeg[start - 2] & 0xff) << 8 | jpeg[start - 1] & 0xff;
        return Arrays.copyOfRange(jpeg, start, start + length - 2);
    }

    private static byte[] tiffOnly() {
        byte[] block = exifBlock();
        return Arrays.copyOfRange(block, EXIF.length, block.length);
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(data).putInt((int) crc.getValue()).array();
    }

    /** Inserts chunks right after IHDR (8-byte signature and a 25-byte IHDR chunk). */
    private static byte[] insertPngChunks(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] chunkLe(String fourcc, byte[] data) {
        int padded = data.length + (data.length & 1);
        return ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN).put(fourcc.getBytes(StandardCharsets.ISO_8859_1))
                .putInt(data.length).put(data).array();
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN).put("RIFF".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(4 + body.length).put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(body).array();
    }

    private static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
