package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.hrnode.node.Main;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./hrnode run}: loads the configuration, takes the data directory (one node per directory, enforced with a
 * file lock), checks that its ports are free, reports what it serves, and runs until stopped. The DICOM and HTTP
 * services attach here as they are built.
 */
public final class RunCommand {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final String LOCK_FILE = "hrnode.lock";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public RunCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        NodeConfig config;
        try {
            config = new ConfigLoader(env).load(args);
        } catch (ConfigException e) {
            err.println("hrnode run: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try {
            Files.createDirectories(config.dataDir());
            FileChannel lockChannel = FileChannel.open(config.dataDir().resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                err.println("hrnode run: another node is running on data directory " + config.dataDir());
                return 1;
            }
            checkPortFree(config.bindAddress(), config.dicomPort(), "dicom-port");
            checkPortFree(config.bindAddress(), config.httpPort(), "http-port");
            report(config);
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("event=stopping");
                stop.countDown();
            }, "hrnode-shutdown"));
            LOG.info("event=started ae={} dicomPort={} httpPort={} bind={}", config.aeTitle(), config.dicomPort(),
                    config.httpPort(), config.bindAddress());
            stop.await();
            lock.release();
            return 0;
        } catch (IOException e) {
            err.println("hrnode run: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void checkPortFree(String bindAddress, int port, String key) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
        } catch (IOException e) {
            throw new IOException(key + " " + port + " on " + bindAddress + " is not available (" + e.getMessage()
                    + "); choose another with --" + key, e);
        }
    }

    private void report(NodeConfig c) {
        out.println("HR Node is up.");
        out.println("  AE title        " + c.aeTitle());
        out.println("  DICOM           " + c.bindAddress() + ":" + c.dicomPort()
                + "  (DIMSE services: not yet available in this build)");
        out.println("  HTTP            http://" + c.bindAddress() + ":" + c.httpPort()
                + "/  (DICOMweb: not yet available in this build)");
        out.println("  data directory  " + c.dataDir());
        out.println("  undeclared text decoded as " + c.undeclaredCharset().name());
        out.println("Stop with Ctrl-C.");
    }
}
