package vn.langso.gis.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/** Opens the reader that fits a file's extension. */
public final class FeatureReaders {

    public static final String SUPPORTED_EXTENSIONS = ".geojson, .json, .csv, .gpkg";

    private FeatureReaders() {
    }

    /**
     * Opens a reader for a GeoJSON (.geojson, .json), CSV (.csv) or GeoPackage (.gpkg) file.
     *
     * @param sridOverride EPSG code of the coordinates, replacing what the file declares (GeoJSON {@code crs},
     *                     GeoPackage SRS); without it GeoJSON and CSV are read as WGS 84
     * @throws FeatureReadException for a missing, empty or unsupported file
     */
    public static FeatureReader open(Path file, OptionalInt sridOverride) {
        if (!Files.isRegularFile(file)) {
            throw new FeatureReadException(file, "file not found or not a regular file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new GeoJsonReader(file, sridOverride);
        }
        if (name.endsWith(".csv")) {
            return new CsvReader(file, sridOverride);
        }
        if (name.endsWith(".gpkg")) {
            return new GeoPackageReader(file, sridOverride);
        }
        throw new FeatureReadException(file, "unsupported file type; expected one of " + SUPPORTED_EXTENSIONS);
    }

    static void requireNotEmpty(Path file, String kind) {
        try {
            if (Files.size(file) == 0) {
                throw new FeatureReadException(file, "file is empty; expected " + kind);
            }
        } catch (java.io.IOException e) {
            throw new FeatureReadException(file, "cannot read file: " + e.getMessage(), e);
        }
    }
}
