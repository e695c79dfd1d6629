package org.hrnode.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hrnode.storage.db.Database;
import org.hrnode.storage.db.EmbeddedDatabase;

/**
 * One real PostgreSQL for the whole test JVM (starting one takes seconds): an {@link EmbeddedDatabase} in a fresh
 * directory under {@code target/}, migrated, stopped when the JVM exits and deleted by the next run. Tests call {@link #reset()} to
 * start from empty tables.
 */
public final class TestDatabase {

    private static final String DIRECTORY_PREFIX = "test-postgres-";
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private static EmbeddedDatabase server;
    private static Database database;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (database == null) {
            start();
        }
        return database.dataSource();
    }

    /**
     * Empties every table of the index and the AE registry; CASCADE empties the tables that refer to them too
     * (reports, QC decisions …), so a feature's tables need no entry here to be reset.
     */
    public static void reset() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE qc_decisions, qc_results, qc_jobs, institution_recognition, compression_queue,"
                    + " series_metadata, instance_versions, instances, series, studies, patients, application_entities"
                    + " RESTART IDENTITY CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
    }

    private static void start() {
        Path parent = Path.of("target");
        deleteAbandonedDirectories(parent);
        try {
            server = EmbeddedDatabase.start(parent.resolve(DIRECTORY_PREFIX + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = Database.open(server.config());
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-postgres-stop"));
    }

    /**
     * The data directories of earlier runs. They cannot be deleted at exit: zonky's own shutdown hook may still be
     * stopping the server while ours runs. A directory whose zonky lock can be taken belongs to no live JVM.
     */
    private static void deleteAbandonedDirectories(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path dir : children.filter(p -> p.getFileName().toString().startsWith(DIRECTORY_PREFIX)).toList()) {
                if (isAbandoned(dir)) {
                    deleteRecursively(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up old test databases under " + parent, e);
        }
    }

    private static boolean isAbandoned(Path dir) throws IOException {
        Path lock = dir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lock)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) {
            return held != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void stop() {
        try {
            database.close();
        } finally {
            closeServer();
        }
    }

    private static void closeServer() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("test PostgreSQL did not stop cleanly: " + e);
        }
    }
}
