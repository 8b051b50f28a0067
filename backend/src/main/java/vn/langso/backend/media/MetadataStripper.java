package vn.langso.backend.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes metadata (EXIF with its GPS position, XMP, IPTC, comments) from a file without decoding its pixels,
 * so the stored copy keeps the sender's quality. Files it cannot parse are rejected rather than stored as sent.
 */
final class MetadataStripper {

    private static final Set<String> PNG_METADATA_CHUNKS = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final Set<String> MP4_METADATA_BOXES = Set.of("udta", "meta");
    private static final Set<String> MP4_CONTAINER_BOXES = Set.of("moov", "trak", "mdia", "minf");

    private MetadataStripper() {
    }

    /** Returns a copy of the file without metadata; throws {@link IllegalArgumentException} for a damaged file. */
    static byte[] strip(MediaFormat format, byte[] file) {
        byte[] stripped = switch (format) {
            case JPEG -> stripJpeg(file);
            case PNG -> stripPng(file);
            case WEBP -> stripWebp(file);
            case HEIC -> file.clone();
            case MP4 -> stripMp4(file);
        };
        // NOTE: HEIC keeps its other EXIF tags. Only the GPS position is erased (in place, below), because
        // rewriting the item locations of a HEIF file is not implemented.
        ExifGps.erase(stripped);
        return stripped;
    }

    /** Keeps JFIF (APP0), ICC profiles (APP2 ICC_PROFILE) and Adobe (APP14) segments; drops other APPn and COM. */
    private static byte[] stripJpeg(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 2);
        int at = 2;
        while (at + 4 <= file.length) {
            if ((file[at] & 0xff) != 0xff) {
                throw new IllegalArgumentException("JPEG marker expected at byte " + at);
            }
            int marker = file[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (marker == 0xd9 || marker >= 0xd0 && marker <= 0xd7 || marker == 0x01) {
                out.write(file, at, 2);
                at += 2;
                continue;
            }
            int length = (file[at + 2] & 0xff) << 8 | file[at + 3] & 0xff;
            if (length < 2 || at + 2 + length > file.length) {
                throw new IllegalArgumentException("JPEG segment at byte " + at + " runs past the end of the file");
            }
            if (marker == 0xda) {
                // Start of scan: the entropy-coded data and everything after it are kept as they are.
                out.write(file, at, file.length - at);
                return out.toByteArray();
            }
            if (keepJpegSegment(marker, file, at + 4, length - 2)) {
                out.write(file, at, 2 + length);
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("JPEG file ends before its image data");
    }

    private static boolean keepJpegSegment(int marker, byte[] file, int payload, int payloadLength) {
        if (marker == 0xfe) {
            return false;
        }
        if (marker < 0xe0 || marker > 0xef) {
            return true;
        }
        return marker == 0xe0 || marker == 0xee
                || marker == 0xe2 && startsWith(file, payload, payloadLength, "ICC_PROFILE\0");
    }

    private static byte[] stripPng(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 8);
        int at = 8;
        while (at + 12 <= file.length) {
            long length = u32be(file, at);
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > file.length - at - 12) {
                throw new IllegalArgumentException("PNG chunk " + type + " runs past the end of the file");
            }
            int total = (int) length + 12;
            if (!PNG_METADATA_CHUNKS.contains(type)) {
                out.write(file, at, total);
            }
            at += total;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("PNG file ends before its IEND chunk");
    }

    /** Drops the EXIF and XMP chunks, clears their flags in VP8X and rewrites the RIFF size. */
    private static byte[] stripWebp(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
        out.write(file, 0, 12);
        int at = 12;
        while (at + 8 <= file.length) {
            String fourcc = new String(file, at, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(file, at + 4);
            long padded = size + (size & 1);
            if (padded > file.length - at - 8) {
                throw new IllegalArgumentException("WebP chunk " + fourcc + " runs past the end of the file");
            }
            if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
                int start = out.size();
                out.write(file, at, (int) (8 + padded));
                if (fourcc.equals("VP8X")) {
                    byte[] written = out.toByteArray();
                    written[start + 8] &= (byte) ~0x0c;
                    out.reset();
                    out.write(written, 0, written.length);
                }
            }
            at += (int) (8 + padded);
        }
        byte[] result = out.toByteArray();
        long riffSize = result.length - 8L;
        for (int i = 0; i < 4; i++) {
            result[4 + i] = (byte) (riffSize >>> (8 * i));
        }
        return result;
    }

    /** Renames user-data and metadata boxes (where recorders put the location) to {@code free}, keeping offsets. */
    private static byte[] stripMp4(byte[] file) {
        byte[] copy = file.clone();
        renameBoxes(copy, 0, copy.length, 0);
        return copy;
    }

    private static void renameBoxes(byte[] file, int from, int to, int depth) {
        int at = from;
        while (at + 8 <= to && depth < 8) {
            long size = u32be(file, at);
            int header = 8;
            if (size == 1 && at + 16 <= to) {
                size = u64be(file, at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) {
                throw new IllegalArgumentException("MP4 box at byte " + at + " has an impossible size " + size);
            }
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (MP4_METADATA_BOXES.contains(type)) {
                file[at + 4] = 'f';
                file[at + 5] = 'r';
                file[at + 6] = 'e';
                file[at + 7] = 'e';
            } else if (MP4_CONTAINER_BOXES.contains(type)) {
                renameBoxes(file, at + header, (int) (at + size), depth + 1);
            }
            at += (int) size;
        }
    }

    private static boolean startsWith(byte[] file, int offset, int length, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return length >= expected.length && java.util.Arrays.equals(file, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static long u32be(byte[] data, int at) {
        return (data[at] & 0xffL) << 24 | (data[at + 1] & 0xffL) << 16 | (data[at + 2] & 0xffL) << 8 | data[at + 3] & 0xffL;
    }

    private static long u32le(byte[] data, int at) {
        return (data[at + 3] & 0xffL) << 24 | (data[at + 2] & 0xffL) << 16 | (data[at + 1] & 0xffL) << 8 | data[at] & 0xffL;
    }

    private static long u64be(byte[] data, int at) {
        return u32be(data, at) << 32 | u32be(data, at + 4);
    }
}
