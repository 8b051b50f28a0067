package vn.langso.gis.imports;

import java.io.PrintStream;

/** Prints the summary table of an import: the counts, then every repaired or rejected feature with its reason. */
final class ImportSummary {

    private ImportSummary() {
    }

    static void print(ImportReport report, String target, PrintStream out) {
        out.println();
        out.println("Import into " + target + ": " + report.files() + " file(s)");
        out.printf("  %-9s %8d%n", "new", report.imported());
        out.printf("  %-9s %8d%n", "updated", report.updated());
        out.printf("  %-9s %8d%n", "repaired", report.repaired());
        out.printf("  %-9s %8d%n", "rejected", report.rejected());
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
                    issue.kind().name().toLowerCase(java.util.Locale.ROOT), issue.reason());
        }
    }
}
