package org.hrnode.dicom.net.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.TestData;

/**
 * A DCMTK server (storescp) run inetd-style behind a small Python listener ({@code inetd.py}): the listener binds
 * a free port and prints it before anything connects, so tests know the peer is ready without waiting or
 * retrying, and each association gets its own {@code storescp --inetd}. Closed (listener and children, by
 * process handle) in the test's finally.
 */
final class InetdPeer implements AutoCloseable {

    private static final long STOP_WAIT_SECONDS = 5;

    private final Process listener;
    private final int port;

    private InetdPeer(Process listener, int port) {
        this.listener = listener;
        this.port = port;
    }

    static InetdPeer start(Path log, List<String> command) throws IOException {
        TestData.require(TestData.SYSTEM_PYTHON.toFile().canExecute(), "python3 at " + TestData.SYSTEM_PYTHON);
        List<String> full = new ArrayList<>(List.of(TestData.SYSTEM_PYTHON.toString(), script().toString()));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("INETD_LOG", log.toString());
        pb.environment().put("TCP_NODELAY", "1");
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null) {
            stop(process);
            throw new IOException("inetd listener for " + command + " exited before listening; see " + log);
        }
        return new InetdPeer(process, Integer.parseInt(line.strip()));
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stop(listener);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path script() throws IOException {
        try {
            return Path.of(InetdPeer.class.getResource("/org/hrnode/dicom/net/inetd.py").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
