package org.hrnode.storage.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The body of one transaction. May run several times (see {@link Transactor}), so it must not have effects outside the
 * connection it is given.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
