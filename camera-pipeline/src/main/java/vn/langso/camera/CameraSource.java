package vn.langso.camera;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * One camera the agent reads: its id, where frames come from and its position on the map.
 *
 * @param viewDirectionDeg compass bearing of the camera's view, 0 = north, clockwise, in [0, 360)
 */
public record CameraSource(String id, URI source, double longitude, double latitude, double viewDirectionDeg) {

    private static final Set<String> SUPPORTED_SCHEMES = Set.of("rtsp", "rtmp", "http", "https", "file");

    public CameraSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (source.getScheme() == null || !SUPPORTED_SCHEMES.contains(source.getScheme())) {
            throw new IllegalArgumentException("Camera " + id + ": unsupported source " + source
                    + "; use one of " + SUPPORTED_SCHEMES);
        }
        if (viewDirectionDeg < 0 || viewDirectionDeg >= 360) {
            throw new IllegalArgumentException("Camera " + id + ": view direction " + viewDirectionDeg
                    + " is outside [0, 360) degrees");
        }
    }
}
