package vn.langso.gis.imports;

import java.nio.file.Path;

/** Receives progress while files are imported, on the importing thread. */
public interface ImportProgress {

    /** Ignores all progress. */
    ImportProgress NONE = new ImportProgress() {
    };

    /** @param index 1-based position of the file among {@code fileCount} files */
    default void fileStarted(Path file, int index, int fileCount) {
    }

    /** @param fraction share of the file read, from 0 to 1 */
    default void featuresRead(Path file, int featuresRead, double fraction) {
    }

    default void fileFinished(Path file, int featuresRead) {
    }
}
