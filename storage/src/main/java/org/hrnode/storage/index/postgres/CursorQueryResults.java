package org.hrnode.storage.index.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.index.QueryResults;

/**
 * Query results read from a server-side cursor: with auto-commit off, the PostgreSQL driver fetches
 * {@value #FETCH_SIZE} rows at a time instead of the whole result, so a broad query costs a bounded amount of memory
 * however many rows match. The statement asks for one row more than {@code limit}; seeing it means
 * {@link #truncated()}.
 *
 * <p>Owns its connection from construction until {@link #close()} or the end of the rows, whichever comes first
 * (the connection goes back to the pool as soon as the last row is read). Not thread-safe.
 */
final class CursorQueryResults implements QueryResults {

    static final int FETCH_SIZE = 200;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final MatchMapper mapper;
    private final int limit;
    private int returned;
    private Dataset next;
    private boolean finished;
    private boolean truncated;

    CursorQueryResults(Connection connection, PreparedStatement statement, ResultSet rows, MatchMapper mapper,
                       int limit) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.mapper = mapper;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            if (!rows.next()) {
                close();
                return false;
            }
            if (returned == limit) {
                truncated = true;
                close();
                return false;
            }
            next = mapper.map(rows);
            return true;
        } catch (SQLException e) {
            IndexException failure = Transactor.translate("reading query results", e);
            closeAddingSuppressed(failure);
            throw failure;
        }
    }

    @Override
    public Dataset next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more matches");
        }
        Dataset match = next;
        next = null;
        returned++;
        return match;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        next = null;
        SQLException failure = null;
        for (AutoCloseable resource : new AutoCloseable[] {rows, statement, this::endTransaction, connection}) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof SQLException sql ? sql : new SQLException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw Transactor.translate("closing query results", failure);
        }
    }

    private void endTransaction() throws SQLException {
        // Read-only: nothing to keep, so roll back rather than commit.
        connection.rollback();
    }

    private void closeAddingSuppressed(Throwable failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
