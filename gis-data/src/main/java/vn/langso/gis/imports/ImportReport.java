package vn.langso.gis.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Summary of an import.
 *
 * @param files    number of files imported
 * @param imported features inserted as new rows
 * @param updated  features that replaced a row of an earlier import of the same source
 * @param repaired features stored after their geometry was repaired (also counted in imported or updated)
 * @param rejected features not stored
 * @param issues   one entry per repaired or rejected feature, in file and feature order
 * @param droppedAttributes property names of stored places that were left out of the {@code properties} jsonb
 *                          (not listed in {@code --attributes}), sorted, each with the number of places that had it
 * @param keptAttributes    the same for the extra properties that were stored in the {@code properties} jsonb
 */
public record ImportReport(int files, int imported, int updated, int repaired, int rejected, List<ImportIssue> issues,
                           SortedMap<String, Integer> droppedAttributes, SortedMap<String, Integer> keptAttributes) {

    public ImportReport {
        issues = List.copyOf(issues);
        droppedAttributes = Collections.unmodifiableSortedMap(new TreeMap<>(droppedAttributes));
        keptAttributes = Collections.unmodifiableSortedMap(new TreeMap<>(keptAttributes));
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
        final Map<String, Integer> droppedAttributes = new TreeMap<>();
        final Map<String, Integer> keptAttributes = new TreeMap<>();

        void stored(boolean inserted) {
            if (inserted) {
                imported++;
            } else {
                updated++;
            }
        }

        /** Counts the extra properties of a stored place: those left out and those kept. */
        void attributes(List<String> droppedKeys, Iterable<String> keptKeys) {
            droppedKeys.forEach(key -> droppedAttributes.merge(key, 1, Integer::sum));
            keptKeys.forEach(key -> keptAttributes.merge(key, 1, Integer::sum));
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
        private final SortedMap<String, Integer> droppedAttributes = new TreeMap<>();
        private final SortedMap<String, Integer> keptAttributes = new TreeMap<>();

        void add(FileTally tally) {
            files++;
            imported += tally.imported;
            updated += tally.updated;
            repaired += tally.repaired;
            rejected += tally.rejected;
            List<ImportIssue> sorted = new ArrayList<>(tally.issues);
            sorted.sort(Comparator.comparingInt(ImportIssue::featureNumber));
            issues.addAll(sorted);
            tally.droppedAttributes.forEach((key, count) -> droppedAttributes.merge(key, count, Integer::sum));
            tally.keptAttributes.forEach((key, count) -> keptAttributes.merge(key, count, Integer::sum));
        }

        ImportReport build() {
            return new ImportReport(files, imported, updated, repaired, rejected, issues, droppedAttributes,
                    keptAttributes);
        }
    }
}
