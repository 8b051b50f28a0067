package vn.langso.gis.imports;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Shows import progress on standard error: a redrawn bar when it is a terminal, otherwise one line per
 * tenth of a file, so that logs of non-interactive runs stay readable.
 */
final class ConsoleProgress implements ImportProgress {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private int fileIndex;
    private int fileCount;
    private int lastTenth = -1;
    private int lastPercent = -1;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Creates a progress display on {@code System.err}, animated when the process runs in a terminal. */
    static ConsoleProgress forStandardError() {
        java.io.Console console = System.console();
        return new ConsoleProgress(System.err, console != null && console.isTerminal());
    }

    @Override
    public void fileStarted(Path file, int index, int count) {
        fileIndex = index;
        fileCount = count;
        lastTenth = -1;
        lastPercent = -1;
        if (!terminal) {
            out.println("[" + index + "/" + count + "] reading " + file);
        }
    }

    @Override
    public void featuresRead(Path file, int featuresRead, double fraction) {
        int percent = (int) Math.floor(fraction * 100);
        if (terminal) {
            if (percent != lastPercent) {
                lastPercent = percent;
                int filled = percent * BAR_WIDTH / 100;
                out.print("\r[" + fileIndex + "/" + fileCount + "] [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled)
                        + "] " + String.format("%3d", percent) + "% " + featuresRead + " features  " + file.getFileName());
                out.flush();
            }
            return;
        }
        int tenth = percent / 10;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.println("[" + fileIndex + "/" + fileCount + "] " + percent + "% " + featuresRead + " features");
        }
    }

    @Override
    public void fileFinished(Path file, int featuresRead) {
        if (terminal) {
            out.print("\r[" + fileIndex + "/" + fileCount + "] [" + "#".repeat(BAR_WIDTH) + "] 100% " + featuresRead
                    + " features  " + file.getFileName());
            out.println();
        } else {
            out.println("[" + fileIndex + "/" + fileCount + "] done: " + featuresRead + " features read from " + file.getFileName());
        }
    }
}
