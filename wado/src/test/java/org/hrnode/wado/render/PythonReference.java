package org.hrnode.wado.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;

/** The expected 8-bit pixels of a rendering, from pydicom + numpy ({@code render_reference.py}), not our code. */
final class PythonReference {

    private static final Path SCRIPT = Path.of("src/test/resources/org/hrnode/wado/render/render_reference.py");

    private PythonReference() {
    }

    /** Grey (rows×columns) or RGB (rows×columns×3) bytes; {@code window} null for the object's own. */
    static byte[] pixels(Path file, Window window) throws IOException, InterruptedException {
        TestData.require(Files.isExecutable(TestData.SYSTEM_PYTHON), "system python3 with python3-pydicom, numpy");
        if (file.toString().endsWith(".zst")) {
            ExternalTool.require("zstd");
        }
        List<String> command = new ArrayList<>(List.of(TestData.SYSTEM_PYTHON.toString(), SCRIPT.toString(),
                file.toString()));
        if (window != null) {
            command.addAll(List.of(Double.toString(window.center()), Double.toString(window.width()),
                    window.function().name()));
        }
        Path out = Files.createTempFile("render-reference", ".raw");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("reference finished").isTrue();
            assertThat(process.exitValue()).as("reference exit status for " + file).isZero();
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
