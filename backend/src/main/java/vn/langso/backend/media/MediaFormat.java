package vn.langso.backend.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The accepted file types, recognised from their first bytes; file names and declared types are ignored. */
public enum MediaFormat {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    WEBP("image/webp", "webp", true),
    HEIC("image/heic", "heic", true),
    MP4("video/mp4", "mp4", false);

    /** Bytes that {@link #detect} needs at most. */
    public static final int HEADER_BYTES = 32;

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "MSNV", "dash", "mmp4");

    private final String contentType;
    private final String extension;
    private final boolean photo;

    MediaFormat(String contentType, String extension, boolean photo) {
        this.contentType = contentType;
        this.extension = extension;
        this.photo = photo;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isPhoto() {
        return photo;
    }

    /** Returns {@code photo} or {@code video}, as stored in {@code report_media.kind}. */
    public String kind() {
        return photo ? "photo" : "video";
    }

    /** Recognises a file from its first bytes (at least 12 are needed), or returns empty for any other type. */
    public static Optional<MediaFormat> detect(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (head.length >= 8 && Arrays.equals(head, 0, 8, pngSignature, 0, 8)) {
            return Optional.of(PNG);
        }
        if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String major = ascii(head, 8, 4);
            if (HEIF_BRANDS.contains(major)) {
                return Optional.of(HEIC);
            }
            if (MP4_BRANDS.contains(major)) {
                return Optional.of(MP4);
            }
        }
        return Optional.empty();
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
