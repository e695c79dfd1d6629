package org.hrnode.node.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a DCMTK tool against a node: bounded in time, {@code TCP_NODELAY=1} (Debian's DCMTK leaves Nagle on, 40 ms
 * per small message), output captured.
 */
public final class Dcmtk {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Exit status and everything the tool printed. */
    public record Result(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    public static Result run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("dcmtk", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("TCP_NODELAY", "1");
            Process p = builder.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command.toArray(String[]::new));
    }
}
