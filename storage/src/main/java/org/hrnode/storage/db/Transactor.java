package org.hrnode.storage.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SqlWork} in a transaction, as Orthanc's {@code StatelessDatabaseOperations} does: commit on success,
 * roll back on failure, and run again, after a jittered backoff ({@link RetryPolicy}), when PostgreSQL reports a
 * serialization failure (40001) or deadlock (40P01) or the body throws {@link RetryableConflict}.
 *
 * <p>Failures come out translated: no connection, a broken one, or a server shutting down
 * ({@code 08xxx}, {@code 57P0x}, pool time-out) as {@link IndexUnavailableException}; everything else, including
 * retries exhausted, as {@link IndexException} naming the operation. A rollback that fails after a failure is added
 * to it as suppressed, never lost.
 *
 * <p>Thread-safe; each run borrows its own connection.
 */
public final class Transactor {

    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK_DETECTED = "40P01";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final String OPERATOR_INTERVENTION_PREFIX = "57P0";

    private static final Logger LOG = LoggerFactory.getLogger(Transactor.class);

    private final DataSource dataSource;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public Transactor(DataSource dataSource, RetryPolicy policy, Sleeper sleeper) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Transactor(DataSource dataSource) {
        this(dataSource, RetryPolicy.DEFAULT, Sleeper.THREAD);
    }

    /**
     * Runs {@code work} in one transaction, retrying as described above.
     *
     * @param operation what the work does, for messages ("record instance 1.2.3")
     */
    public <T> T inTransaction(String operation, SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (SQLException e) {
                if (!isRetryable(e)) {
                    throw translate(operation, e);
                }
                if (attempt >= policy.maxAttempts()) {
                    throw new IndexException(operation + " still conflicted with concurrent transactions after "
                            + attempt + " attempts (SQLState " + e.getSQLState() + ")", e);
                }
                Duration wait = policy.backoff(attempt, bound -> ThreadLocalRandom.current().nextLong(bound));
                LOG.debug("event=retry operation=\"{}\" attempt={} sqlstate={} wait_ms={}", operation, attempt,
                        e.getSQLState(), wait.toMillis());
                pause(operation, wait, e);
            }
        }
    }

    private <T> T runOnce(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackAddingSuppressed(connection, e);
                throw e;
            }
        }
    }

    private void pause(String operation, Duration wait, SQLException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IndexException interrupted = new IndexException(operation + " interrupted while waiting to retry", e);
            interrupted.addSuppressed(cause);
            throw interrupted;
        }
    }

    private static void rollbackAddingSuppressed(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    /** Whether the failure means the database cannot be used now, as opposed to refusing this statement. */
    public static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                    || sql.getSQLState().startsWith(OPERATOR_INTERVENTION_PREFIX))) {
                return true;
            }
        }
        return false;
    }

    /** The index exception for a failed {@code operation}. */
    public static IndexException translate(String operation, SQLException e) {
        if (isUnavailable(e)) {
            return new IndexUnavailableException(operation + " failed: the index database is unavailable ("
                    + e.getMessage() + ")", e);
        }
        return new IndexException(operation + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                e);
    }
}
