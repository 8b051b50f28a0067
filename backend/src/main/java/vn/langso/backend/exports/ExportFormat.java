package vn.langso.backend.exports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/** The file formats of a layer export, named by the {@code format} parameter. */
enum ExportFormat {

    GEOJSON("geojson", "geojson", MediaType.parseMediaType("application/geo+json")),
    CSV("csv", "csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    GPKG("gpkg", "gpkg", MediaType.parseMediaType("application/geopackage+sqlite3"));

    private final String parameterValue;
    private final String fileExtension;
    private final MediaType mediaType;

    ExportFormat(String parameterValue, String fileExtension, MediaType mediaType) {
        this.parameterValue = parameterValue;
        this.fileExtension = fileExtension;
        this.mediaType = mediaType;
    }

    String fileExtension() {
        return fileExtension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** Parses the required {@code format} parameter, ignoring case. */
    static ExportFormat parse(String raw) {
        if (raw == null) {
            throw InvalidParameterException.of("format", "Parameter 'format' is missing. Give one of " + names() + ".");
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.parameterValue.equals(value))
                .findFirst()
                .orElseThrow(() -> InvalidParameterException.of("format", "Parameter 'format' value '"
                        + QueryParameters.shorten(raw) + "' is not an export format. Give one of " + names() + "."));
    }

    private static String names() {
        return Arrays.stream(values()).map(format -> format.parameterValue).collect(Collectors.joining(", "));
    }
}
