package vn.langso.gis.imports;

import java.nio.file.Path;

/** A file that could not be imported at all; its transaction was rolled back, so nothing of it was written. */
public class ImportFailedException extends RuntimeException {

    private final Path file;

    public ImportFailedException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
