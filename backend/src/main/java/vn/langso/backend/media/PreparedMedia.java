package vn.langso.backend.media;

import java.util.Optional;

/**
 * An uploaded file checked and cleaned, not stored yet.
 *
 * @param format    the type recognised from the bytes
 * @param content   the file without its metadata
 * @param thumbnail a JPEG thumbnail, or null when the photo could not be decoded or it is a video
 * @param gps       the GPS position the photo carried, as a location hint; it is not in {@code content}
 */
public record PreparedMedia(MediaFormat format, byte[] content, byte[] thumbnail, Optional<ExifGpsPosition> gps) {
}
