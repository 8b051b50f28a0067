package vn.langso.camera.source;

import java.net.URI;
import java.nio.file.Path;

/**
 * Source of a camera's frames and how to read it.
 *
 * @param uri      rtsp, rtmp, http(s) (MJPEG or any stream FFmpeg reads) or file
 * @param loop     for files: start again at the end instead of stopping
 * @param realtime for files: pace frames at the file's frame rate, as a live camera would deliver them.
 *                 When false, every frame is processed as fast as the detector goes (nothing skipped)
 * @param format   FFmpeg input format to force (for example {@code mpjpeg}), or null to let FFmpeg probe
 */
public record SourceSpec(URI uri, boolean loop, boolean realtime, String format) {

    public boolean isFile() {
        return "file".equals(uri.getScheme());
    }

    /** Returns the input for FFmpeg: a path for files, the URI otherwise. */
    public String ffmpegInput() {
        return isFile() ? Path.of(uri).toString() : uri.toString();
    }

    /** Returns the URI without user information, for logs and heartbeats. */
    public String redacted() {
        if (uri.getUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://***@" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
