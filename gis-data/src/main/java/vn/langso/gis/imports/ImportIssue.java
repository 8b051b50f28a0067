package vn.langso.gis.imports;

import java.nio.file.Path;

/**
 * A feature that was rejected, or stored after a repair.
 *
 * @param featureNumber 1-based position of the feature in its file (data row for CSV)
 */
public record ImportIssue(Path file, int featureNumber, Kind kind, String reason) {

    public enum Kind {
        REJECTED, REPAIRED
    }

    @Override
    public String toString() {
        return file.getFileName() + " #" + featureNumber + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason;
    }
}
