package org.hrnode.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * directory under {@code target/}, migrated, stopped and deleted when the JVM exits. Tests call {@link #reset()} to
 * start from empty tables.
 */
public final class TestDatabase {

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

    /** Empties every table of the index and the AE registry. */
    public static void reset() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE instance_versions, instances, series, studies, patients, application_entities"
                    + " RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
    }

    private static void start() {
        Path directory = Path.of("target", "test-postgres-" + UUID.randomUUID());
        try {
            server = EmbeddedDatabase.start(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = Database.open(server.config());
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-postgres-stop"));
    }

    private static void stop() {
        try (EmbeddedDatabase stopping = server) {
            database.close();
        } catch (IOException e) {
            System.err.println("test PostgreSQL did not stop cleanly: " + e);
            return;
        }
        try (Stream<Path> files = Files.walk(server.dataDirectory())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete test PostgreSQL directory " + server.dataDirectory() + ": " + e);
        }
    }
}
