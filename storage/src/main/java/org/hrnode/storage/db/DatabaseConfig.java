package org.hrnode.storage.db;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the PostgreSQL that holds the index. Sealed once built: validated in the constructor, immutable, and
 * {@link #toString()} never shows the password.
 *
 * <p>Production points at an external server through the environment ({@link #fromEnvironment}); without
 * {@value #ENV_URL} the node runs its {@link EmbeddedDatabase} and uses {@link EmbeddedDatabase#config()}.
 *
 * @param jdbcUrl         {@code jdbc:postgresql://host:port/database}
 * @param user            database role
 * @param password        its password; empty for trust authentication (the embedded server)
 * @param maximumPoolSize connections in the pool, 1–{@value #MAX_POOL_SIZE}. Every ingest transaction and every open
 *                        query result holds one, so this bounds concurrent database work.
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int maximumPoolSize) {

    public static final String ENV_URL = "HRNODE_DB_URL";
    public static final String ENV_USER = "HRNODE_DB_USER";
    public static final String ENV_PASSWORD = "HRNODE_DB_PASSWORD";
    public static final String ENV_POOL_SIZE = "HRNODE_DB_POOL_SIZE";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 100;

    private static final String URL_PREFIX = "jdbc:postgresql://";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith(URL_PREFIX) || jdbcUrl.length() == URL_PREFIX.length()) {
            throw new IllegalArgumentException("database URL must look like " + URL_PREFIX
                    + "host:port/database, got '" + jdbcUrl + "'");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("database user must not be blank");
        }
        if (maximumPoolSize < 1 || maximumPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("database pool size must be 1-" + MAX_POOL_SIZE + ", got "
                    + maximumPoolSize);
        }
    }

    /**
     * The external database named by {@value #ENV_URL}, {@value #ENV_USER}, {@value #ENV_PASSWORD} and
     * {@value #ENV_POOL_SIZE} (default {@value #DEFAULT_POOL_SIZE}), or empty when {@value #ENV_URL} is unset or
     * empty (the node then runs its embedded database).
     *
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Optional<DatabaseConfig> fromEnvironment(Map<String, String> environment) {
        String url = environment.getOrDefault(ENV_URL, "");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String user = environment.getOrDefault(ENV_USER, "");
        if (user.isBlank()) {
            throw new IllegalArgumentException(ENV_USER + " must be set when " + ENV_URL + " is");
        }
        int poolSize = DEFAULT_POOL_SIZE;
        String pool = environment.get(ENV_POOL_SIZE);
        if (pool != null && !pool.isEmpty()) {
            try {
                poolSize = Integer.parseInt(pool.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_POOL_SIZE + " must be a number, got '" + pool + "'", e);
            }
        }
        try {
            return Optional.of(new DatabaseConfig(url, user, environment.getOrDefault(ENV_PASSWORD, ""), poolSize));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("from the environment (" + ENV_URL + ", " + ENV_USER + ", "
                    + ENV_POOL_SIZE + "): " + e.getMessage(), e);
        }
    }

    /** The same database with another pool size. */
    public DatabaseConfig withMaximumPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, size);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? ""
                : "****") + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}
