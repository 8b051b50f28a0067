package vn.langso.ui.reports;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upload limits of the report form, which must mirror the backend's {@code langso.reports.media.*} settings because
 * the API has no endpoint that states them. The form rejects bigger files before sending, and the API enforces its
 * own limits anyway with a 413.
 *
 * @param maxPhotoBytes largest photo in bytes ({@code langso.reports.media.max-photo-bytes}, default 10 MB)
 * @param maxVideoBytes largest video in bytes ({@code langso.reports.media.max-video-bytes}, default 50 MB)
 * @param maxFiles      files per report ({@code langso.reports.media.max-files}, default 5)
 */
@ConfigurationProperties("langso.reports.media")
public record ReportMediaLimits(@DefaultValue("10485760") long maxPhotoBytes,
                                @DefaultValue("52428800") long maxVideoBytes,
                                @DefaultValue("5") int maxFiles) {

    /** MIME types that the API accepts: JPEG, PNG, WebP and HEIC photos, MP4 videos. */
    public static final List<String> PHOTO_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/heic");
    public static final List<String> VIDEO_TYPES = List.of("video/mp4");
    /** File name endings offered in the file chooser, for browsers that give HEIC files no MIME type. */
    public static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp", ".heic", ".mp4");

    public ReportMediaLimits {
        if (maxPhotoBytes < 1 || maxVideoBytes < 1 || maxFiles < 0) {
            throw new IllegalArgumentException("langso.reports.media limits must be positive: max-photo-bytes="
                    + maxPhotoBytes + ", max-video-bytes=" + maxVideoBytes + ", max-files=" + maxFiles);
        }
    }

    /** True when the file counts as a video by its type or name; the API decides from the bytes in the end. */
    static boolean isVideo(String contentType, String fileName) {
        return VIDEO_TYPES.contains(contentType)
                || (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".mp4"));
    }

    /** Returns the limit for a file of this type in bytes. */
    long maxBytes(String contentType, String fileName) {
        return isVideo(contentType, fileName) ? maxVideoBytes : maxPhotoBytes;
    }

    /** Formats bytes as whole megabytes (MiB), as the limits are set. */
    static String megabytes(long bytes) {
        long whole = bytes / (1024 * 1024);
        return whole * 1024 * 1024 == bytes ? whole + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
