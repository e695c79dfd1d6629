package org.hrnode.storage.index;

import java.util.List;
import java.util.Set;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * The database of what the node stores: patients, studies, series and instances, with the attributes queries match
 * on and the blob keys of the instances' bytes. The blob store holds the bytes; the index is the only thing that gives
 * a blob key meaning. Ingest writes the blob first and then the index (see
 * {@link org.hrnode.storage.ingest.StoreAndIndex}), so every indexed key names a stored blob.
 *
 * <p>Every method may throw {@link IndexUnavailableException} (database unreachable) or {@link IndexException}.
 * Implementations are thread-safe.
 */
public interface Index {

    /**
     * Records an arriving instance in one transaction: creates or updates its patient, study and series, then adds the
     * instance ({@link StoreOutcome#NEW}), recognises a byte-identical copy ({@link StoreOutcome#DUPLICATE}, nothing
     * changes), or makes it the new version of a known SOP Instance UID ({@link StoreOutcome#NEW_VERSION}).
     * Concurrent calls for one study never duplicate its patient, study or series.
     *
     * <p>If this throws, nothing was recorded and the caller must delete the blob it stored for the record.
     */
    StoreOutcome recordInstance(InstanceRecord record);

    /**
     * The attributes a query at {@code level} returns from the index itself: those it holds at that level and above,
     * and the counts and lists it computes (e.g. Number of Study Related Instances). At IMAGE level any other return
     * key is read from the instance's stored metadata (slower: the metadata is parsed per match); at other levels it
     * comes back empty.
     */
    Set<Integer> returnableAt(QueryLevel level);

    /** The attributes a query at {@code level} can match on; other matching keys are ignored. */
    Set<Integer> matchableAt(QueryLevel level);

    /** Runs a query; close the results when done. */
    QueryResults query(Query query);

    /**
     * The current instances under the given entities, for retrieval: patients by Patient ID (any issuer), studies,
     * series or instances by UID. Ordered by study, series and instance number. Unknown keys contribute nothing.
     */
    List<StoredInstanceRef> instancesOf(QueryLevel level, List<String> keys);

    /** {@link #instancesOf(QueryLevel, List)} for keys given one by one. */
    default List<StoredInstanceRef> instancesOf(QueryLevel level, String... keys) {
        return instancesOf(level, List.of(keys));
    }
}
