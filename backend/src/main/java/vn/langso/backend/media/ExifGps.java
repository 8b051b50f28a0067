package vn.langso.backend.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads and erases the GPS position in EXIF (TIFF) data: the GPS IFD that IFD0's tag 0x8825 points to, with
 * tags 1-4 (latitude reference, latitude, longitude reference, longitude) as degrees, minutes, seconds rationals.
 */
final class ExifGps {

    private static final int GPS_IFD_POINTER = 0x8825;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifGps() {
    }

    /** Returns the position of the first EXIF block in a file that has a complete one. */
    static Optional<ExifGpsPosition> find(byte[] file) {
        for (int at = indexOf(file, EXIF_HEADER, 0); at >= 0; at = indexOf(file, EXIF_HEADER, at + 1)) {
            Optional<ExifGpsPosition> position = read(file, at + EXIF_HEADER.length);
            if (position.isPresent()) {
                return position;
            }
        }
        return Optional.empty();
    }

    /**
     * Overwrites every GPS IFD found after an EXIF header with zeros and sets the pointer to it to 0, in place, so
     * that the file keeps its size and layout. Returns the number of GPS IFDs erased.
     */
    static int erase(byte[] file) {
        int erased = 0;
        for (int at = indexOf(file, EXIF_HEADER, 0); at >= 0; at = indexOf(file, EXIF_HEADER, at + 1)) {
            Tiff tiff = Tiff.at(file, at + EXIF_HEADER.length);
            if (tiff == null) {
                continue;
            }
            int pointerEntry = tiff.findEntry(tiff.firstIfd(), GPS_IFD_POINTER);
            if (pointerEntry < 0) {
                continue;
            }
            int gpsIfd = tiff.u32(pointerEntry + 8);
            tiff.zeroIfd(gpsIfd);
            tiff.zero(pointerEntry + 8, 4);
            erased++;
        }
        return erased;
    }

    private static Optional<ExifGpsPosition> read(byte[] file, int tiffStart) {
        Tiff tiff = Tiff.at(file, tiffStart);
        if (tiff == null) {
            return Optional.empty();
        }
        int pointerEntry = tiff.findEntry(tiff.firstIfd(), GPS_IFD_POINTER);
        if (pointerEntry < 0) {
            return Optional.empty();
        }
        int gpsIfd = tiff.u32(pointerEntry + 8);
        int latRef = tiff.findEntry(gpsIfd, 1);
        int lat = tiff.findEntry(gpsIfd, 2);
        int lonRef = tiff.findEntry(gpsIfd, 3);
        int lon = tiff.findEntry(gpsIfd, 4);
        if (latRef < 0 || lat < 0 || lonRef < 0 || lon < 0) {
            return Optional.empty();
        }
        double latitude = tiff.degrees(lat) * (tiff.asciiValue(latRef) == 'S' ? -1 : 1);
        double longitude = tiff.degrees(lon) * (tiff.asciiValue(lonRef) == 'W' ? -1 : 1);
        if (Double.isNaN(latitude) || Double.isNaN(longitude)) {
            return Optional.empty();
        }
        return Optional.of(new ExifGpsPosition(longitude, latitude));
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A TIFF structure inside a byte array; offsets in it count from {@code start}. Out-of-range reads give -1. */
    private record Tiff(byte[] data, int start, boolean littleEndian) {

        static Tiff at(byte[] data, int start) {
            if (start + 8 > data.length) {
                return null;
            }
            if (data[start] == 'I' && data[start + 1] == 'I' && data[start + 2] == 42 && data[start + 3] == 0) {
                return new Tiff(data, start, true);
            }
            if (data[start] == 'M' && data[start + 1] == 'M' && data[start + 2] == 0 && data[start + 3] == 42) {
                return new Tiff(data, start, false);
            }
            return null;
        }

        int firstIfd() {
            return u32(4);
        }

        int u16(int offset) {
            int at = start + offset;
            if (offset < 0 || at + 2 > data.length) {
                return -1;
            }
            int a = data[at] & 0xff;
            int b = data[at + 1] & 0xff;
            return littleEndian ? a | b << 8 : a << 8 | b;
        }

        int u32(int offset) {
            int at = start + offset;
            if (offset < 0 || at + 4 > data.length) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < 4; i++) {
                int octet = data[at + (littleEndian ? 3 - i : i)] & 0xff;
                value = value << 8 | octet;
            }
            return value > Integer.MAX_VALUE ? -1 : (int) value;
        }

        /** Returns the offset of the 12-byte entry with the tag in the IFD, or -1. */
        int findEntry(int ifd, int tag) {
            int count = u16(ifd);
            for (int i = 0; i < count && i < 1000; i++) {
                int entry = ifd + 2 + i * 12;
                int entryTag = u16(entry);
                if (entryTag < 0) {
                    return -1;
                }
                if (entryTag == tag) {
                    return entry;
                }
            }
            return -1;
        }

        char asciiValue(int entry) {
            int at = start + entry + 8;
            return at < data.length ? (char) (data[at] & 0xff) : '?';
        }

        /** Reads three RATIONAL values (degrees, minutes, seconds) as decimal degrees. */
        double degrees(int entry) {
            int type = u16(entry + 2);
            int count = u32(entry + 4);
            if (type != 5 || count != 3) {
                return Double.NaN;
            }
            int values = u32(entry + 8);
            double result = 0;
            double scale = 1;
            for (int i = 0; i < 3; i++) {
                long numerator = u32(values + i * 8);
                long denominator = u32(values + i * 8 + 4);
                if (numerator < 0 || denominator <= 0) {
                    return Double.NaN;
                }
                result += (double) numerator / denominator / scale;
                scale *= 60;
            }
            return result;
        }

        /** Zeroes an IFD's entries and the out-of-line values they point to. */
        void zeroIfd(int ifd) {
            int count = u16(ifd);
            if (count < 0) {
                return;
            }
            for (int i = 0; i < count && i < 1000; i++) {
                int entry = ifd + 2 + i * 12;
                int type = u16(entry + 2);
                int valueCount = u32(entry + 4);
                int size = valueCount < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, (long) valueCount * typeSize(type));
                if (size > 4) {
                    zero(u32(entry + 8), size);
                }
                zero(entry, 12);
            }
            zero(ifd, 2);
        }

        void zero(int offset, int length) {
            int from = start + offset;
            if (offset < 0 || length < 0 || from >= data.length) {
                return;
            }
            java.util.Arrays.fill(data, from, (int) Math.min(data.length, (long) from + length), (byte) 0);
        }

        private static int typeSize(int type) {
            return switch (type) {
                case 3, 8 -> 2;
                case 4, 9, 11 -> 4;
                case 5, 10, 12 -> 8;
                default -> 1;
            };
        }
    }
}
