package org.hrnode.node.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.testing.TestData;

/**
 * DCMTK storescp as a C-MOVE destination, bit-preserving ({@code +B}: the data set is written exactly as received)
 * and accepting every transfer syntax it knows. storescp 3.6.7 cannot bind to one address, so it runs inetd-style
 * behind the DICOM core's test listener ({@code inetd.py}), which binds 127.0.0.1, prints its port before anything
 * connects (no waiting, no retries) and starts {@code storescp --inetd} per association. Closed in a finally.
 */
final class StorescpPeer implements AutoCloseable {

    static final String AE_TITLE = "STORESCP";
    /** The listener of the DICOM core's tests, shipped in its test-jar. */
    private static final String INETD_RESOURCE = "/org/hrnode/dicom/net/inetd.py";

    private final Process listener;
    private final int port;
    private final Path received;

    private StorescpPeer(Process listener, int port, Path received) {
        this.listener = listener;
        this.port = port;
        this.received = received;
    }

    /** Starts the listener; received objects go to {@code dir}/received, its log to {@code dir}/storescp.log. */
    static StorescpPeer start(Path dir) throws IOException, InterruptedException {
        PeerProcess.require("storescp");
        TestData.require(Files.isExecutable(TestData.SYSTEM_PYTHON), "python3 at " + TestData.SYSTEM_PYTHON);
        Path received = Files.createDirectories(dir.resolve("received"));
        Path script = dir.resolve("inetd.py");
        try (InputStream in = StorescpPeer.class.getResourceAsStream(INETD_RESOURCE)) {
            if (in == null) {
                throw new IOException(INETD_RESOURCE + " is missing from the DICOM core's test-jar");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = dir.resolve("storescp.log");
        List<String> command = new ArrayList<>(List.of(TestData.SYSTEM_PYTHON.toString(), script.toString(),
                "storescp", "--inetd", "+B", "+xa", "-aet", AE_TITLE, "-od", received.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("INETD_LOG", log.toString());
        pb.environment().put("TCP_NODELAY", "1");
        Process process = pb.start();
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            PeerProcess.stop(process);
            throw e;
        }
        if (line == null) {
            PeerProcess.stop(process);
            throw new IOException("the storescp listener exited before listening; see " + log);
        }
        return new StorescpPeer(process, Integer.parseInt(line.strip()), received);
    }

    int port() {
        return port;
    }

    /** Where storescp writes what it receives. */
    Path received() {
        return received;
    }

    /** Stops the peer; an interrupt while waiting for it is kept for the caller to see. */
    @Override
    public void close() {
        try {
            PeerProcess.stop(listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
