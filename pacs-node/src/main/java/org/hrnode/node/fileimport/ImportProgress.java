package org.hrnode.node.fileimport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of an import on stderr: files done of total, megabytes, and rates. On a terminal one line is redrawn in
 * place ({@code \r}) at most every {@link #REDRAW_INTERVAL}; anywhere else (a log file, a pipe, CI) a plain line is
 * written every {@link #PLAIN_INTERVAL}, so logs stay readable. Files refused or not DICOM are named on lines of
 * their own as they happen, above the progress line.
 */
public final class ImportProgress implements FileImporter.Listener {

    static final Duration REDRAW_INTERVAL = Duration.ofMillis(200);
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
    private static final int BAR_WIDTH = 24;
    private static final double BYTES_PER_MB = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int PERCENT = 100;
    /** Return to the line start and erase it (VT100 EL), so a shorter line leaves no tail of the longer one. */
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final boolean terminal;
    private final int totalFiles;
    private final long totalBytes;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastDrawn;
    private int drawnFiles = -1;
    private boolean lineOpen;

    /**
     * @param terminal whether stderr is a terminal, where the line may be redrawn in place
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime})
     */
    public ImportProgress(PrintStream err, boolean terminal, int totalFiles, long totalBytes, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastDrawn = start;
    }

    @Override
    public void finished(Path file, ImportSummary.Category category, String detail, ImportSummary soFar) {
        if (category == ImportSummary.Category.REFUSED || category == ImportSummary.Category.NOT_DICOM) {
            clearLine();
            err.println((category == ImportSummary.Category.REFUSED ? "refused " : "not DICOM ") + file + ": "
                    + detail);
        }
        long now = nanoClock.getAsLong();
        Duration interval = terminal ? REDRAW_INTERVAL : PLAIN_INTERVAL;
        boolean last = soFar.files() == totalFiles;
        boolean clearedByMessage = terminal && !lineOpen;
        if (last || clearedByMessage || now - lastDrawn >= interval.toNanos()) {
            draw(soFar, now);
        }
    }

    /** Shows the final state (also when the import stopped early) and ends the redrawn line. */
    public void done(ImportSummary summary) {
        if (summary.files() != drawnFiles) {
            draw(summary, nanoClock.getAsLong());
        }
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    private void draw(ImportSummary soFar, long now) {
        lastDrawn = now;
        drawnFiles = soFar.files();
        double seconds = Math.max(now - start, 1) / NANOS_PER_SECOND;
        String line = String.format(Locale.ROOT, "import %s%d/%d files (%d%%)  %.1f/%.1f MB  %.1f files/s  %.1f MB/s",
                terminal ? bar(soFar.files()) + " " : "", soFar.files(), totalFiles, percent(soFar.files()),
                soFar.bytes() / BYTES_PER_MB, totalBytes / BYTES_PER_MB, soFar.files() / seconds,
                soFar.bytes() / BYTES_PER_MB / seconds);
        if (terminal) {
            err.print(CLEAR_LINE + line);
            err.flush();
            lineOpen = true;
        } else {
            err.println(line);
        }
    }

    private void clearLine() {
        if (lineOpen) {
            err.print(CLEAR_LINE);
            lineOpen = false;
        }
    }

    private int percent(int files) {
        return totalFiles == 0 ? PERCENT : (int) ((long) files * PERCENT / totalFiles);
    }

    private String bar(int files) {
        int filled = totalFiles == 0 ? BAR_WIDTH : (int) ((long) files * BAR_WIDTH / totalFiles);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }
}
