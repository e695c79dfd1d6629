package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrnode.node.Main;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.fileimport.FileImporter;
import org.hrnode.node.fileimport.ImportProgress;
import org.hrnode.node.fileimport.ImportSummary;
import org.hrnode.node.fileimport.ImportSummary.Category;
import org.hrnode.node.fileimport.SourceFiles;
import org.hrnode.storage.index.IndexException;

/**
 * {@code ./hrnode import DIR}: stores every DICOM file under DIR through the node's ingest path, as if each had
 * been sent by C-STORE. Works with the node stopped (it takes the data directory and opens storage itself) and
 * beside a running node (through the database the node published, as {@code ./hrnode ae} does), so an archive can
 * be loaded without downtime; the node serves the imported instances at once either way.
 *
 * <p>The node's rules apply as to a C-STORE from an AE not in the registry (the lossless rule, what becomes of
 * uncompressed images), so an import cannot bring in what the network would have refused.
 *
 * <p>Progress goes to stderr, the summary to stdout. Exit status 0 when every DICOM instance was stored (files
 * that are not DICOM and DICOMDIRs are only counted), 1 if anything was refused or storage failed, 64 on bad usage.
 */
public final class ImportCommand {

    static final String USAGE = "usage: ./hrnode import DIR [config options]";
    private static final double BYTES_PER_MB = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /** @param terminal whether stderr is a terminal (progress redrawn in place) */
    public ImportCommand(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public int run(List<String> args) {
        List<String> positional = new ArrayList<>();
        List<String> configArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                configArgs.add(a);
                if (!a.contains("=") && i + 1 < args.size()) {
                    configArgs.add(args.get(++i));
                }
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 1) {
            err.println(USAGE);
            return Main.EXIT_USAGE;
        }
        Path dir = Path.of(positional.getFirst());
        try {
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            SourceFiles files = SourceFiles.under(dir);
            files.problems().forEach(p -> err.println("hrnode import: skipped " + p));
            long start = System.nanoTime();
            ImportSummary summary = importInto(config, files);
            printSummary(dir, summary, System.nanoTime() - start, files.files().size());
            return summary.anythingRefused() ? 1 : 0;
        } catch (ConfigException e) {
            err.println("hrnode import: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | IndexException e) {
            err.println("hrnode import: " + e.getMessage());
            return 1;
        }
    }

    private ImportSummary importInto(NodeConfig config, SourceFiles files) throws IOException {
        try (CommandStorage opened = CommandStorage.open(config)) {
            if (!opened.ownsDataDirectory()) {
                err.println("hrnode import: a node is running on " + config.dataDir()
                        + "; importing beside it through its database");
            }
            NodeStorage storage = opened.storage();
            ImportProgress progress = new ImportProgress(err, terminal, files.files().size(),
                    files.totalBytes(), System::nanoTime);
            FileImporter importer = new FileImporter(Node.newIngestService(config, storage,
                    ImportCommand::compressedByTheNode), Node.readOptions(config), progress);
            ImportSummary summary = importer.importAll(files.files());
            progress.done(summary);
            return summary;
        }
    }

    /**
     * Images the lossless rule queues for compression are in the durable queue; the node's compression worker takes
     * them on when it starts (including a node running now, at its next start): an import has no worker of its own.
     */
    private static void compressedByTheNode(String sopInstanceUid) {
        // Nothing to wake here: the queue entry is already committed with the instance.
    }

    private void printSummary(Path dir, ImportSummary s, long nanos, int found) {
        out.printf(Locale.ROOT, "imported %s: %d files, %.1f MB in %.1f s%n", dir, s.files(),
                s.bytes() / BYTES_PER_MB, nanos / NANOS_PER_SECOND);
        out.printf("  stored        %6d%n", s.count(Category.STORED));
        out.printf("  new versions  %6d%n", s.count(Category.NEW_VERSION));
        out.printf("  duplicates    %6d%n", s.count(Category.DUPLICATE));
        out.printf("  refused       %6d%n", s.count(Category.REFUSED));
        s.refusalReasons().forEach((reason, n) -> out.printf("    %-24s %6d%n", reason, n));
        out.printf("  not DICOM     %6d%n", s.count(Category.NOT_DICOM));
        out.printf("  DICOMDIR      %6d  (media directories, not instances: not stored)%n",
                s.count(Category.DICOMDIR));
        if (s.stoppedEarly()) {
            out.printf("stopped early: storage became unavailable; %d files were not attempted%n",
                    found - s.files());
        }
    }
}
