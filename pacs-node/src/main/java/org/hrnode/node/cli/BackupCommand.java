package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.hrnode.node.Main;
import org.hrnode.node.app.DataDirectoryLock;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.backup.BlobManifest;
import org.hrnode.storage.backup.IndexDump;

/**
 * {@code ./hrnode backup --out DIR} and {@code ./hrnode restore --from DIR} (Ningxia spec 7.6.3-7.6.4): a backup is
 * the index (one COPY file per table, {@code index/}), the stored objects with a SHA-256 manifest ({@code blobs/},
 * {@code blobs.tsv}) and {@code backup.properties}. Backup works beside a running node; restore only into a
 * stopped node whose database holds nothing, and checks every object's digest as it goes back.
 */
public final class BackupCommand {

    static final String USAGE = """
            usage: ./hrnode backup --out DIR [config options]     (DIR must be empty or absent)
                   ./hrnode restore --from DIR [config options]   (into a stopped node with an empty database)""";

    private static final String PROPERTIES = "backup.properties";
    private static final String INDEX = "index";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public BackupCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** @param verb {@code backup} or {@code restore} */
    public int run(String verb, List<String> args) {
        String dir = null;
        List<String> configArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--out") || a.equals("--from")) && i + 1 < args.size()) {
                dir = args.get(++i);
            } else {
                configArgs.add(a);
            }
        }
        if (dir == null) {
            err.println("hrnode " + verb + ": " + (verb.equals("backup") ? "--out" : "--from") + " DIR is required\n"
                    + USAGE);
            return Main.EXIT_USAGE;
        }
        try {
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            return verb.equals("backup") ? backup(config, Path.of(dir)) : restore(config, Path.of(dir));
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode " + verb + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("hrnode " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    int backup(NodeConfig config, Path dir) throws IOException, SQLException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    err.println("hrnode backup: " + dir + " is not empty; give a new directory");
                    return Main.EXIT_USAGE;
                }
            }
        }
        try (CommandStorage opened = CommandStorage.open(config)) {
            NodeStorage storage = opened.storage();
            String version = new IndexDump(storage.dataSource()).dump(dir.resolve(INDEX));
            List<BlobManifest.Entry> entries = BlobManifest.referenced(storage.dataSource());
            long bytes = BlobManifest.backUp(entries, storage.blobs(), dir);
            Properties p = new Properties();
            p.setProperty("schema-version", version);
            p.setProperty("created", Instant.now().toString());
            p.setProperty("objects", Long.toString(entries.size()));
            p.setProperty("object-bytes", Long.toString(bytes));
            try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.store(w, "HR Node backup: restore with ./hrnode restore --from DIR");
            }
            out.println("backed up " + entries.size() + " objects (" + bytes + " bytes, each verified by SHA-256)"
                    + " and the index (schema " + version + ") to " + dir);
            return 0;
        }
    }

    int restore(NodeConfig config, Path dir) throws IOException, SQLException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IOException(dir + " is not an HR Node backup (" + e.getMessage() + ")", e);
        }
        Optional<DataDirectoryLock> lock = DataDirectoryLock.tryAcquire(config.dataDir());
        if (lock.isEmpty()) {
            err.println("hrnode restore: a node is running on " + config.dataDir() + "; stop it first");
            return 1;
        }
        try (NodeStorage storage = NodeStorage.openAsOwner(config)) {
            IndexDump index = new IndexDump(storage.dataSource());
            if (!index.isEmpty()) {
                err.println("hrnode restore: the node's database is not empty; restore only into a new node"
                        + " (a fresh data-dir, or an empty external database)");
                return 1;
            }
            List<BlobManifest.Entry> entries = BlobManifest.read(dir);
            BlobManifest.restore(entries, dir, storage.blobs());
            index.restore(dir.resolve(INDEX), p.getProperty("schema-version"));
            out.println("restored " + entries.size() + " objects (each verified by SHA-256) and the index from "
                    + dir);
            return 0;
        } finally {
            lock.get().close();
        }
    }
}
