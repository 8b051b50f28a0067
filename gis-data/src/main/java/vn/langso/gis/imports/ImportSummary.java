package vn.langso.gis.imports;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the summary table of an import: the counts, every repaired or rejected feature with its reason, and
 * the extra properties of places that were left out of or kept in the public {@code properties} jsonb.
 */
final class ImportSummary {

    private ImportSummary() {
    }

    static void print(ImportReport report, ImportOptions options, PrintStream out) {
        out.println();
        out.println("Import into " + options.target() + ": " + report.files() + " file(s)");
        out.printf("  %-9s %8d%n", "new", report.imported());
        out.printf("  %-9s %8d%n", "updated", report.updated());
        out.printf("  %-9s %8d%n", "repaired", report.repaired());
        out.printf("  %-9s %8d%n", "rejected", report.rejected());
        printIssues(report, out);
        printAttributes(report, options, out);
    }

    private static void printIssues(ImportReport report, PrintStream out) {
        if (report.issues().isEmpty()) {
            return;
        }
        int fileWidth = "file".length();
        for (ImportIssue issue : report.issues()) {
            fileWidth = Math.max(fileWidth, issue.file().getFileName().toString().length());
        }
        String row = "  %-" + fileWidth + "s  %7s  %-8s  %s%n";
        out.println();
        out.printf(row, "file", "feature", "result", "reason");
        for (ImportIssue issue : report.issues()) {
            out.printf(row, issue.file().getFileName(), issue.featureNumber(),
                    issue.kind().name().toLowerCase(Locale.ROOT), issue.reason());
        }
    }

    private static void printAttributes(ImportReport report, ImportOptions options, PrintStream out) {
        if (!report.droppedAttributes().isEmpty()) {
            out.println();
            out.println("Properties not imported (number of places that had each):");
            printCounts(report.droppedAttributes(), out);
            out.println("To keep some of them, list them with --attributes KEY,KEY,... (or keep all with"
                    + " --attributes all). Kept properties are public.");
        }
        if (!report.keptAttributes().isEmpty()) {
            out.println();
            out.println("Extra properties kept in the properties column (number of places that had each):");
            printCounts(report.keptAttributes(), out);
        }
        if (options.attributes().all()) {
            out.println();
            out.println("Warning: --attributes all kept every extra property. /api/v1/layers/" + options.target()
                    + "/features and the CSV, GeoJSON and GeoPackage exports serve them publicly, without sign-in.");
        } else if (!report.keptAttributes().isEmpty()) {
            out.println("/api/v1/layers/" + options.target() + "/features and the exports serve them publicly.");
        }
    }

    private static void printCounts(Map<String, Integer> counts, PrintStream out) {
        int keyWidth = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        counts.forEach((key, count) -> out.printf("  %-" + keyWidth + "s  %8d%n", key, count));
    }
}
