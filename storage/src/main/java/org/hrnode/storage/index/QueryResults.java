package org.hrnode.storage.index;

import java.util.Iterator;
import org.hrnode.dicom.data.Dataset;

/**
 * The matches of a query, read lazily from a database cursor: one {@link Dataset} per match holding the return keys.
 * Holds a database connection until closed, so close it (try-with-resources) as soon as the matches are sent, also
 * when the peer cancels.
 *
 * <p>{@link #hasNext()} and {@link #next()} may throw {@link IndexException}.
 */
public interface QueryResults extends Iterator<Dataset>, AutoCloseable {

    /**
     * Whether more matches exist beyond those returned, because the query's limit or the index's upper bound cut
     * them off. Known once {@link #hasNext()} has returned false.
     */
    boolean truncated();

    @Override
    void close();
}
