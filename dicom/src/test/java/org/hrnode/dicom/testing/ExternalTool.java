package org.hrnode.dicom.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an independent peer program (DCMTK, dicom3tools, pydicom) and captures what it says. */
public final class ExternalTool {

    private static final long TIMEOUT_SECONDS = 120;

    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> lines() {
            List<String> all = new ArrayList<>(stdout.lines().toList());
            all.addAll(stderr.lines().toList());
            return all;
        }
    }

    private ExternalTool() {
    }

    /** Requires (skip on a developer machine, fail in CI) that the program exists. */
    public static void require(String program) {
        TestData.require(Files.isExecutable(Path.of(program)) || onPath(program),
                program + " (Debian package, installed by ./hrnode test)");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static Result run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hrnode-tool", ".out");
        Path err = Files.createTempFile("hrnode-tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            // Peers print raw text in the files' own charsets: decode leniently, never fail on it.
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
