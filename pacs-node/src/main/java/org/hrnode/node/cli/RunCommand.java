package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.hrnode.node.Main;
import org.hrnode.node.app.DataDirectoryLock;
import org.hrnode.node.app.Node;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./hrnode run}: loads the configuration, takes the data directory (one node per directory, enforced with a
 * file lock), starts storage and the DICOM service, reports what it serves, and runs until stopped (SIGTERM or
 * Ctrl-C close everything in order).
 */
public final class RunCommand {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

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
            config = new ConfigLoader(env).load(withProductionFlag(args));
        } catch (ConfigException e) {
            err.println("hrnode run: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        try {
            Optional<DataDirectoryLock> lock = DataDirectoryLock.tryAcquire(config.dataDir());
            if (lock.isEmpty()) {
                err.println("hrnode run: another node is running on data directory " + config.dataDir());
                return 1;
            }
            try (DataDirectoryLock held = lock.get()) {
                checkPortFree(config.bindAddress(), config.httpPort(), "http-port");
                CountDownLatch stop = new CountDownLatch(1);
                try (Node node = Node.start(config)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        LOG.info("event=stopping");
                        stop.countDown();
                    }, "hrnode-shutdown"));
                    report(node);
                    stop.await();
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("hrnode run: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** {@code --production} is {@code --mode production} without a value to type. */
    static List<String> withProductionFlag(List<String> args) {
        if (!args.contains("--production")) {
            return args;
        }
        List<String> out = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.equals("--production")) {
                out.add("--mode");
                out.add("production");
            } else {
                out.add(a);
            }
        }
        return out;
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

    private void report(Node node) {
        NodeConfig c = node.config();
        out.println("HR Node is up.");
        out.println("  AE title        " + c.aeTitle());
        out.println("  DICOM           " + c.bindAddress() + ":" + node.dicomPort()
                + (c.dicomTls().isPresent() ? " over TLS" : "") + "  (C-ECHO, C-STORE, C-FIND, C-MOVE, C-GET; "
                + (c.devMode() ? "dev mode: any calling AE" : "calling AEs from ./hrnode ae") + ")");
        String scheme = c.security().httpTls().isPresent() ? "https://" : "http://";
        out.println("  security        " + (c.security().production()
                ? "production: bearer tokens / local accounts, roles enforced" + (c.security().httpTls().isPresent()
                        ? ", HTTPS" : ", HTTP behind a TLS terminator")
                : "OFF (dev mode): every caller has every role; loopback only"));
        out.println("  HTTP            " + scheme + c.bindAddress() + ":" + node.httpPort()
                + "/api/  (health, quality, studies/{uid}/status, qc/studies/{uid}, qc/catalog, qc/recognition, reports, recognition)");
        out.println("  DICOMweb        " + scheme + c.bindAddress() + ":" + node.httpPort()
                + "/dicomweb  (QIDO-RS search; WADO-RS: instances, metadata, frames, bulk data, rendered, thumbnails;"
                + " STOW-RS)"
                + " and /wado (WADO-URI)");
        out.println("  QC console      http://" + c.bindAddress() + ":" + node.httpPort()
                + "/console/  (API documented at /api/openapi.json)");
        out.println("  storage         " + node.storage().describe());
        out.println("  AI QC           " + (node.qc().isPresent()
                ? "judges studies " + c.qc().stable().toSeconds() + " s after their last instance, "
                        + c.qc().workers() + " at once; HR mark from grade " + c.qc().hr().minimumGrade().label()
                : "no assessor installed: studies are queued, not judged"));
        out.println("  undeclared text decoded as " + c.undeclaredCharset().name());
        out.println("Stop with Ctrl-C.");
    }
}
