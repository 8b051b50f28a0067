package vn.langso.backend.exports;

import java.util.Locale;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/** The form of the points in a CSV export: {@code lon} and {@code lat} columns, or one {@code wkt} column. */
enum CsvGeometry {

    LONLAT, WKT;

    /** Parses the {@code geometry} parameter. Without it, points are written as lon and lat. */
    static CsvGeometry parse(String raw) {
        if (raw == null) {
            return LONLAT;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "lonlat" -> LONLAT;
            case "wkt" -> WKT;
            default -> throw InvalidParameterException.of("geometry", "Parameter 'geometry' value '"
                    + QueryParameters.shorten(raw) + "' is not a CSV geometry form; give lonlat or wkt.");
        };
    }
}
