package vn.langso.gis.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Summary of an import.
 *
 * @param files    number of files imported
 * @param imported features inserted as new rows
 * @param updated  features that replaced a row of an earlier import of the same source
 * @param repaired features stored after their geometry was repaired (also counted in imported or updated)
 * @param rejected features not stored
 * @param issues   one entry per repaired or rejected feature, in file and feature order
 */
public record ImportReport(int files, int imported, int updated, int repaired, int rejected, List<ImportIssue> issues) {

    public ImportReport {
        issues = List.copyOf(issues);
    }

    public List<ImportIssue> rejections() {
        return issues.stream().filter(issue -> issue.kind() == ImportIssue.Kind.REJECTED).toList();
    }

    public List<ImportIssue> repairs() {
        return issues.stream().filter(issue -> issue.kind() == ImportIssue.Kind.REPAIRED).toList();
    }

    /** Accumulates the counts of one file; merged into the report only when the file's transaction commits. */
    static final class FileTally {
        int imported;
        int updated;
        int repaired;
        int rejected;
        final List<ImportIssue> issues = new ArrayList<>();

        void stored(boolean inserted) {
            if (inserted) {
                imported++;
            } else {
                updated++;
            }
        }

        void repaired(ImportIssue issue) {
            repaired++;
            issues.add(issue);
        }

        void rejected(ImportIssue issue) {
            rejected++;
            issues.add(issue);
        }
    }

    /** Accumulates the tallies of committed files. */
    static final class Builder {
        private int files;
        private int imported;
        private int updated;
        private int repaired;
        private int rejected;
        private final List<ImportIssue> issues = new ArrayList<>();

        void add(FileTally tally) {
            files++;
            imported += tally.imported;
            updated += tally.updated;
            repaired += tally.repaired;
            rejected += tally.rejected;
            List<ImportIssue> sorted = new ArrayList<>(tally.issues);
            sorted.sort(Comparator.comparingInt(ImportIssue::featureNumber));
            issues.addAll(sorted);
        }

        ImportReport build() {
            return new ImportReport(files, imported, updated, repaired, rejected, issues);
        }
    }
}
