package org.hrnode.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.index.IndexUnavailableException;

/**
 * The index database as the node uses it: a HikariCP pool over a {@link DatabaseConfig}, with the schema brought up
 * to date by Flyway ({@code db/migration/V*.sql}) before anything else touches it.
 *
 * <p>Opening fails fast: if the database cannot be reached, {@link #open} throws rather than handing out a pool that
 * fails later. Once open, a request that waits longer than {@value #CONNECTION_TIMEOUT_SECONDS} s for a connection
 * fails, which the index reports as {@link IndexUnavailableException}, so a dead database turns into A700 answers
 * instead of hung associations.
 */
public final class Database implements AutoCloseable {

    private static final int CONNECTION_TIMEOUT_SECONDS = 5;
    private static final String POOL_NAME = "hrnode-index";
    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Connects and migrates the schema.
     *
     * @throws IndexUnavailableException if the database cannot be reached
     * @throws IndexException            if the migration fails
     */
    public static Database open(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikariConfig(config));
        } catch (RuntimeException e) {
            throw new IndexUnavailableException("cannot connect to PostgreSQL at " + config.jdbcUrl() + " as "
                    + config.user() + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /** Applies pending migrations to {@code dataSource}; the schema is left as it was if one fails. */
    public static void migrate(DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IndexException("index schema migration failed: " + e.getMessage(), e);
        }
    }

    private static HikariConfig hikariConfig(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(POOL_NAME);
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setConnectionTimeout(Duration.ofSeconds(CONNECTION_TIMEOUT_SECONDS).toMillis());
        hikari.addDataSourceProperty("ApplicationName", "hrnode");
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return hikari;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + pool.getJdbcUrl() + "]";
    }
}
