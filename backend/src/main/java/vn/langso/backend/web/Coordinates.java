package vn.langso.backend.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;

/** A WGS 84 point from the {@code lon} and {@code lat} query parameters. */
public record Coordinates(double lon, double lat) {

    /**
     * Reads {@code lon} and {@code lat}, both required. A longitude that would be a latitude and a latitude
     * beyond ±90 that would be a longitude are reported as swapped.
     */
    public static Coordinates require(QueryParameters parameters) {
        List<InvalidParam> missing = new ArrayList<>();
        for (String name : List.of("lon", "lat")) {
            if (!parameters.has(name)) {
                missing.add(new InvalidParam(name, "Parameter '" + name + "' is missing; give lon and lat in WGS 84 "
                        + "degrees, for example lon=105.6329&lat=10.4603."));
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidParameterException.of(missing);
        }
        double lon = parameters.number("lon").orElseThrow();
        double lat = parameters.number("lat").orElseThrow();
        return of(lon, lat);
    }

    /** Validates the ranges of a point. */
    public static Coordinates of(double lon, double lat) {
        if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
            String reason = "lon=" + format(lon) + " lat=" + format(lat) + " look swapped: a latitude must be between "
                    + "-90 and 90. Send lon=" + format(lat) + "&lat=" + format(lon) + " (longitude first).";
            throw InvalidParameterException.of(List.of(new InvalidParam("lon", reason), new InvalidParam("lat", reason)));
        }
        if (lon < -180 || lon > 180) {
            throw InvalidParameterException.of("lon", "lon " + format(lon) + " is not a longitude; it must be between -180 and 180.");
        }
        if (lat < -90 || lat > 90) {
            throw InvalidParameterException.of("lat", "lat " + format(lat) + " is not a latitude; it must be between -90 and 90.");
        }
        return new Coordinates(lon, lat);
    }

    /** Formats a number without exponent or trailing zeros, as a user would type it. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
