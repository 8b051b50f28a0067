package vn.langso.backend.traceability.epcis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A location given as a {@code geo:} URI (RFC 5870): latitude first, then longitude, in WGS 84, with optional
 * altitude and parameters, e.g. {@code geo:10.4603,105.6329;u=10}.
 */
record GeoUri(double lon, double lat) {

    private static final Pattern GEO = Pattern.compile(
            "^geo:(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?)(?:,-?\\d+(?:\\.\\d+)?)?(?:;.*)?$", Pattern.CASE_INSENSITIVE);

    /** Parses the URI, or returns empty when it is not a geo: URI with a latitude and longitude in range. */
    static Optional<GeoUri> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Matcher matcher = GEO.matcher(uri.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double lat = Double.parseDouble(matcher.group(1));
        double lon = Double.parseDouble(matcher.group(2));
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return Optional.empty();
        }
        return Optional.of(new GeoUri(lon, lat));
    }
}
