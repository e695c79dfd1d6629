package org.hrnode.node.app;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * An {@link Index} that tells a listener, after the transaction committed, that an instance was recorded (new or a
 * new version; a duplicate changes nothing and is not told): how work queued in the database by that transaction
 * (the QC job) is started on this node without waiting for a poll.
 */
final class RecordListeningIndex implements Index {

    private final Index index;
    private final Runnable recorded;

    RecordListeningIndex(Index index, Runnable recorded) {
        this.index = Objects.requireNonNull(index, "index");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    @Override
    public StoreOutcome recordInstance(InstanceRecord record) {
        StoreOutcome outcome = index.recordInstance(record);
        if (outcome != StoreOutcome.DUPLICATE) {
            recorded.run();
        }
        return outcome;
    }

    @Override
    public Set<Integer> returnableAt(QueryLevel level) {
        return index.returnableAt(level);
    }

    @Override
    public Set<Integer> matchableAt(QueryLevel level) {
        return index.matchableAt(level);
    }

    @Override
    public QueryResults query(Query query) {
        return index.query(query);
    }

    @Override
    public List<StoredInstanceRef> instancesOf(QueryLevel level, List<String> keys) {
        return index.instancesOf(level, keys);
    }

    @Override
    public String toString() {
        return index.toString();
    }
}
