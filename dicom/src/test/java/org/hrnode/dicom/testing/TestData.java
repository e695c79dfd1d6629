package org.hrnode.dicom.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real-world test files are: pydicom's (Debian {@code python3-pydicom}) and {@code ../shared/data}.
 * A missing source skips the tests that need it with a loud message on a developer's machine, and fails them under
 * {@code CI=true}, where nothing may skip.
 */
public final class TestData {

    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    public static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");
    private static final Set<String> NOT_DICOM_SUFFIXES = Set.of(".txt", ".dump", ".json", ".gz", ".md", ".py",
            ".zst");

    /**
     * Real-world files that are not valid DICOM. pydicom's two truncated files are cut short in a value; no_meta.dcm
     * starts with a stray byte before its first tag (DCMTK rejects it too; pydicom reads it as one 38 KB unknown
     * element); DICOMDIR-nooffset had elements removed without fixing the item lengths, so its last item runs 24
     * bytes past the end of the file. Our reader must refuse each with its parse error.
     */
    public static final Set<String> MALFORMED = Set.of("MR_truncated.dcm", "rtplan_truncated.dcm", "no_meta.dcm",
            "DICOMDIR-nooffset");

    private TestData() {
    }

    public static boolean isMalformed(Path file) {
        return MALFORMED.contains(file.getFileName().toString());
    }

    /** {@link #allRealWorldFiles()} without the {@link #MALFORMED} ones. */
    public static List<Path> wellFormedRealWorldFiles() {
        return allRealWorldFiles().stream().filter(p -> !isMalformed(p)).toList();
    }

    public static boolean inCI() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips (developer machine) or fails (CI) when {@code available} is false. */
    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        String message = "MISSING TEST PREREQUISITE: " + what + " — run ./hrnode test, which installs it";
        if (inCI()) {
            fail(message + " (CI=true: nothing may skip)");
        }
        System.err.println("*** SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** The shared folder beside the checkout ({@code HRNODE_SHARED_DIR} or {@code ../shared}). */
    public static Path sharedDir() {
        String env = System.getenv("HRNODE_SHARED_DIR");
        return env != null ? Path.of(env) : Path.of("..", "..", "shared");
    }

    public static Path sharedData() {
        Path data = sharedDir().resolve("data");
        require(Files.isDirectory(data), "shared test data at " + data.toAbsolutePath());
        return data;
    }

    public static Path pydicomTestFiles() {
        Path dir = PYDICOM_DATA.resolve("test_files");
        require(Files.isDirectory(dir), "pydicom test files (Debian python3-pydicom) at " + dir);
        return dir;
    }

    public static Path pydicomCharsetFiles() {
        Path dir = PYDICOM_DATA.resolve("charset_files");
        require(Files.isDirectory(dir), "pydicom charset files (Debian python3-pydicom) at " + dir);
        return dir;
    }

    /** Every DICOM file under {@code dir}, recursively, sorted; documentation and archives excluded. */
    public static List<Path> dicomFilesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> NOT_DICOM_SUFFIXES.stream().noneMatch(p.getFileName().toString()::endsWith))
                    .filter(p -> !p.getFileName().toString().startsWith("README"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All real-world files the suite knows: pydicom's test and charset files and the shared data. */
    public static List<Path> allRealWorldFiles() {
        return Stream.of(dicomFilesUnder(pydicomTestFiles()), dicomFilesUnder(pydicomCharsetFiles()),
                dicomFilesUnder(sharedData())).flatMap(List::stream).toList();
    }

    /** A path relative to the source it came from, for readable test names. */
    public static String shortName(Path file) {
        Path p = file.toAbsolutePath().normalize();
        int n = p.getNameCount();
        return n >= 2 ? p.subpath(n - 2, n).toString() : p.toString();
    }
}
