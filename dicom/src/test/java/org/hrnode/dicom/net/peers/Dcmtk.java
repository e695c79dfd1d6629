package org.hrnode.dicom.net.peers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.ExternalTool;

/**
 * Runs DCMTK tools as peers: every run bounded by a timeout, TCP_NODELAY set (Debian's DCMTK leaves Nagle on,
 * which costs 40 ms per small PDU), output captured; servers started here are stopped by their caller in a finally.
 */
final class Dcmtk {

    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    /** How long a stopping server gets before it is killed. */
    private static final long STOP_WAIT_SECONDS = 5;

    private Dcmtk() {
    }

    record Result(int exitCode, String output) {
    }

    static void require(String... tools) {
        for (String tool : tools) {
            ExternalTool.require(tool);
        }
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("dcmtk", ".log");
        try {
            Process p = builder(command, log).start();
            if (!p.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", command) + " did not finish in " + TOOL_TIMEOUT);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Result run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    /** Starts a long-running peer (storescp); its output goes to {@code log}. */
    static Process start(Path log, List<String> command) throws IOException {
        return builder(command, log).start();
    }

    static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A port free right now on 127.0.0.1, for a peer that cannot report the port it bound. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static List<String> args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> list) {
                list.forEach(x -> out.add(String.valueOf(x)));
            } else {
                out.add(String.valueOf(p));
            }
        }
        return out;
    }

    private static ProcessBuilder builder(List<String> command, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        return pb;
    }
}
