package vn.langso.backend.media;

/** A WGS 84 position read from a photo's EXIF GPS tags. */
public record ExifGpsPosition(double lon, double lat) {
}
