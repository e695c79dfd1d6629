package org.hrnode.storage.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the node itself (zonky's bundled binaries), for the default single-machine setup and
 * for tests.
 *
 * <p>The data directory is the caller's and survives restarts: the cluster is created ({@code initdb}) only when the
 * directory holds none, and is never wiped. zonky locks the directory ({@code epg-lock}), so a second server on it
 * fails to start. The server listens on 127.0.0.1 only, on an ephemeral port chosen at each start (so read
 * {@link #config()} after starting), with trust authentication for the {@value #SUPERUSER} role: anything that can
 * reach the loopback interface can connect, which is why it never binds another address.
 *
 * <p>zonky's own defaults are overridden where they are wrong for an archive: {@code fsync} and
 * {@code synchronous_commit} are on (zonky starts the server with {@code -F}, fsync off; a commit acknowledged to a
 * sender must survive a crash and a power cut), and the locale is {@code C} (byte order, so {@code LIKE} prefix
 * searches can use the indexes, and no dependence on the host's locales). zonky registers a shutdown hook that stops
 * the server if {@link #close()} was never called; when the JVM dies without running it ({@code kill -9}), the server
 * outlives it, and the next start stops that orphan first ({@link OrphanedServer}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    public static final String SUPERUSER = "postgres";
    public static final String DATABASE = "postgres";
    private static final String LOOPBACK = "127.0.0.1";
    /** initdb and the first start on a busy shared machine can take several seconds. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** Enough for the pool plus an operator's psql; zonky's default of 300 wastes shared memory. */
    private static final int MAX_CONNECTIONS = 120;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster there on first use.
     *
     * @throws IOException if the server cannot be started (directory locked by another node, binaries missing)
     */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Files.createDirectories(dataDirectory);
        Path directory = dataDirectory.toRealPath();
        try {
            stopOrphanedServer(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", LOOPBACK)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
            return new EmbeddedDatabase(postgres, directory);
        } catch (RuntimeException e) {
            throw new IOException("could not start the embedded PostgreSQL on " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    private static void stopOrphanedServer(Path directory) throws IOException {
        Optional<OrphanedServer> orphan = OrphanedServer.find(directory);
        if (orphan.isPresent()) {
            LOG.warn("event=orphaned_database_server pid={} directory={} action=stopping", orphan.get().pid(),
                    directory);
            orphan.get().stop();
        }
    }

    /** Connection settings for this server as it runs now (the port changes between starts). */
    public DatabaseConfig config() {
        return new DatabaseConfig("jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/" + DATABASE,
                SUPERUSER, "", DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, committed data is kept). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + dataDirectory + ", port " + postgres.getPort() + "]";
    }
}
