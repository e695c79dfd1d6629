package org.hrnode.storage.db;

import java.sql.SQLException;

/**
 * Thrown by a transaction body that lost a race it can win by starting over (another transaction inserted the row it
 * meant to insert). {@link Transactor} rolls back and retries it like a serialization failure.
 */
public final class RetryableConflict extends SQLException {

    public RetryableConflict(String message) {
        super(message, Transactor.SERIALIZATION_FAILURE);
    }
}
