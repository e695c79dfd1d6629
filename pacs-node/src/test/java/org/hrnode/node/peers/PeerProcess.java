package org.hrnode.node.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.ExternalTool;

/**
 * Runs peer programs (DCMTK, PixelMed, Orthanc) for the node's tests: every run bounded by a timeout, output captured
 * in a file, TCP_NODELAY=1 in the environment (Debian's DCMTK leaves Nagle on, which stalls every small PDU by
 * 40 ms). Long-running peers are started here and stopped by their caller in a finally, children included.
 */
final class PeerProcess {

    /** Generous for the largest run (a few hundred files over one association) on a busy two-core machine. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);
    /** How long a stopping peer gets before it is killed. */
    private static final long STOP_WAIT_SECONDS = 10;

    private PeerProcess() {
    }

    /** What a finished run printed (stdout and stderr together) and how it ended. */
    record Result(int exitCode, String output) {

        /** The lines that contain {@code text}. */
        List<String> linesWith(String text) {
            return output.lines().filter(line -> line.contains(text)).toList();
        }
    }

    /** Requires (skips on a developer machine, fails in CI) each program. */
    static void require(String... programs) {
        for (String program : programs) {
            ExternalTool.require(program);
        }
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    static Result run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(builder(command, environment));
    }

    /** Runs a program that reads its input from {@code input}. */
    static Result runWithInput(List<String> command, Path input) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(command, Map.of());
        pb.redirectInput(input.toFile());
        return run(pb);
    }

    private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        List<String> command = pb.command();
        Path log = Files.createTempFile("hrnode-peer", ".log");
        try {
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = pb.start();
            try {
                if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IOException(String.join(" ", command) + " did not finish in " + RUN_TIMEOUT);
                }
            } finally {
                stop(process);
            }
            // peers print values in the files' own character sets: decode leniently, never fail on it
            return new Result(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Starts a long-running peer whose output goes to {@code log}; stop it with {@link #stop(Process)}. */
    static Process start(List<String> command, Path log, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = builder(command, environment);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    /** Stops the process and its children: politely, then forcibly. A finished process is left as it is. */
    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The arguments flattened: lists are expanded, everything else is its string form. */
    static List<String> args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(x -> out.add(String.valueOf(x)));
            } else {
                out.add(String.valueOf(part));
            }
        }
        return out;
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> environment) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        pb.environment().putAll(environment);
        return pb;
    }
}
