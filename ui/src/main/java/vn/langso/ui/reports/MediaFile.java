package vn.langso.ui.reports;

import java.nio.file.Path;

/**
 * A photo or video to send with a report, read from a temporary file.
 *
 * @param fileName    name given by the browser, sent as the part's file name only
 * @param contentType type given by the browser; the API decides the real type from the bytes
 */
public record MediaFile(String fileName, String contentType, Path file, long sizeBytes) {
}
