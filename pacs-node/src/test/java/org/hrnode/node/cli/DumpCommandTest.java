package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from {@code ./hrnode dump}: Chinese names as Chinese, and clear errors. */
class DumpCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int dump(String... files) {
        return new DumpCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(files));
    }

    private static Path charsetFile(String name) {
        String shared = System.getenv("HRNODE_SHARED_DIR");
        Path file = Path.of(shared == null ? "../../shared" : shared, "data", "charset", name);
        if (!Files.isRegularFile(file)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("shared test data missing in CI: " + file);
            }
            System.err.println("*** SKIPPED: shared test data missing at " + file);
            Assumptions.abort("shared test data missing");
        }
        return file;
    }

    @Test
    void showsChineseNamesDecoded() {
        int status = dump(charsetFile("chrX1.dcm").toString(), charsetFile("chrX2.dcm").toString(),
                charsetFile("chrGB2312.dcm").toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(text).contains("PatientName").contains("王^小東").contains("王^小东").contains("张^小东");
        assertThat(text).contains("(0010,0010) PN");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void notDicomIsAClearErrorAndNonZeroStatus(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.dcm");
        Files.write(junk, new byte[] {0x08, 0x00, 0x10, 0x00, 'P', 'N', (byte) 0xFF, 0x7F, 'x'});
        assertThat(dump(junk.toString(), dir.resolve("absent.dcm").toString())).isEqualTo(1);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("junk.dcm is not readable DICOM").contains("at byte");
        assertThat(e).contains("absent.dcm").contains("no such file");
    }

    @Test
    void noArgumentsIsUsage() {
        assertThat(dump()).isEqualTo(org.hrnode.node.Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
