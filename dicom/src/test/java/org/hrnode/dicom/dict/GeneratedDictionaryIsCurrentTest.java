package org.hrnode.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed dictionary is exactly what the generator makes from the installed pydicom: reruns it into a
 * temporary directory and compares byte for byte. Fails when someone edits a generated file by hand or changes
 * the generator without regenerating.
 */
class GeneratedDictionaryIsCurrentTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String GENERATOR = "src/main/dictgen/generate_dictionary.py";
    private static final int EXIT_PYDICOM_MISSING = 3;
    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> GENERATED = List.of(
            "src/main/java/org/hrnode/dicom/dict/Tag.java",
            "src/main/java/org/hrnode/dicom/dict/UID.java",
            "src/main/resources/org/hrnode/dicom/dict/elements.tsv",
            "src/main/resources/org/hrnode/dicom/dict/uids.tsv",
            "src/main/resources/org/hrnode/dicom/dict/private.tsv");

    @Test
    void committedFilesEqualFreshGeneratorOutput(@TempDir Path out) throws Exception {
        RequiredInCi.assumeAvailable(Files.isExecutable(PYTHON), PYTHON + " is missing");
        Path module = moduleDirectory();

        Process generator = new ProcessBuilder(PYTHON.toString(), module.resolve(GENERATOR).toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        String output = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(generator.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("generator finished").isTrue();
        RequiredInCi.assumeAvailable(generator.exitValue() != EXIT_PYDICOM_MISSING,
                "pydicom is not installed for " + PYTHON + ": " + output.strip());
        assertThat(generator.exitValue()).as("generator exit status; output:%n%s", output).isZero();

        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString().replace('\\', '/')))
                    .as("files the generator writes").containsExactlyInAnyOrderElementsOf(GENERATED);
        }
        for (String file : GENERATED) {
            Path committed = module.resolve(file);
            Path fresh = out.resolve(file);
            assertThat(Files.mismatch(committed, fresh))
                    .as(() -> file + " differs from the generator's output, first at " + firstDifference(committed,
                            fresh) + "; regenerate with /usr/bin/python3 dicom/" + GENERATOR + ", never edit")
                    .isEqualTo(-1L);
        }
    }

    /** Surefire runs in the module directory and sets {@code basedir} to it. */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    private static String firstDifference(Path committed, Path fresh) {
        try {
            List<String> a = Files.readAllLines(committed, StandardCharsets.UTF_8);
            List<String> b = Files.readAllLines(fresh, StandardCharsets.UTF_8);
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return "line " + (i + 1) + ":\n  committed: " + a.get(i) + "\n  generated: " + b.get(i);
                }
            }
            return "line " + (Math.min(a.size(), b.size()) + 1) + " (" + a.size() + " vs " + b.size() + " lines)";
        } catch (IOException e) {
            return "an unreadable line (" + e + ")";
        }
    }
}
