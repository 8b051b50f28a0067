package vn.langso.gis.read;

import java.nio.file.Path;

/** A file that cannot be read as a whole: malformed, empty, or of an unsupported kind. */
public class FeatureReadException extends RuntimeException {

    private final Path file;

    public FeatureReadException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public FeatureReadException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
