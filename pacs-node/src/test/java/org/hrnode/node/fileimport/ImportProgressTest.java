package org.hrnode.node.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress display an operator sees: redrawn in place on a terminal, a plain line now and then in a log, and
 * refused or non-DICOM files named on their own lines either way. Time is a fake clock, stepped by the test.
 */
class ImportProgressTest {

    private static final int FILES = 100;
    private static final long FILE_BYTES = 500_000;
    private static final Duration PER_FILE = Duration.ofMillis(100);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private String importAll(boolean terminal) {
        ImportProgress progress = new ImportProgress(err, terminal, FILES, FILES * FILE_BYTES, clock::get);
        ImportSummary summary = new ImportSummary();
        for (int i = 1; i <= FILES; i++) {
            clock.addAndGet(PER_FILE.toNanos());
            Path file = Path.of("/media/IM" + i);
            if (i == FILES / 2) {
                summary.refused("does_not_match_request", FILE_BYTES);
                progress.finished(file, ImportSummary.Category.REFUSED, "does_not_match_request: meta differs",
                        summary);
            } else {
                summary.add(ImportSummary.Category.STORED, FILE_BYTES);
                progress.finished(file, ImportSummary.Category.STORED, "NEW", summary);
            }
        }
        progress.done(summary);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsAPlainLineEveryFewSecondsAndTheFinalState() {
        String log = importAll(false);

        assertThat(log).doesNotContain("\r");
        assertThat(log.lines().filter(l -> l.startsWith("import ")))
                .hasSize((int) (FILES * PER_FILE.toMillis() / ImportProgress.PLAIN_INTERVAL.toMillis()));
        assertThat(log).contains("refused /media/IM50: does_not_match_request: meta differs\n");
        assertThat(log.lines().toList().getLast())
                .isEqualTo("import 100/100 files (100%)  50.0/50.0 MB  10.0 files/s  5.0 MB/s");
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlaceWithABar() {
        String screen = importAll(true);

        assertThat(screen).contains("\r\033[Kimport [############............] 50/100 files (50%)");
        assertThat(screen).contains("\r\033[Krefused /media/IM50: does_not_match_request: meta differs\n");
        assertThat(screen).endsWith("\r\033[Kimport [########################] 100/100 files (100%)  50.0/50.0 MB"
                + "  10.0 files/s  5.0 MB/s\n");
        assertThat(screen.chars().filter(c -> c == '\n').count()).as("lines ended: the refusal and the final state")
                .isEqualTo(2);
    }
}
