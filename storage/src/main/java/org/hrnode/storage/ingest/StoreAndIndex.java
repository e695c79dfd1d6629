package org.hrnode.storage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.index.ArrivalInfo;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.StoredObject;
import org.hrnode.storage.index.query.QueryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one arriving instance durably: blob first, then index, compensated on failure, as Orthanc's
 * {@code ServerContext} does. The application calls this and nothing else to ingest.
 *
 * <ol>
 *   <li>{@link BlobStore#put}: streams the bytes. If it fails, nothing was stored and nothing is indexed; its
 *       exception propagates ({@code BlobStoreUnavailableException} → A700).</li>
 *   <li>Build the {@link InstanceRecord} from what was stored, then {@link Index#recordInstance}. If either fails,
 *       the blob just written is deleted (a failure of that delete is added to the original exception as
 *       suppressed) and the original exception propagates ({@code IndexUnavailableException} → A700).</li>
 *   <li>On {@link StoreOutcome#DUPLICATE} the new blob is deleted unless it is the one the index already points at
 *       (a caller that reused the key), so duplicates leave no orphans.</li>
 * </ol>
 *
 * <p>Hazard: the key must be new for each arrival ({@link org.hrnode.storage.blob.BlobKeys#forInstance}). A reused
 * key would overwrite the blob of the version it replaces, which the version history still points at.
 *
 * <p>A crash between steps 1 and 2 leaves an unindexed blob (harmless, reclaimable); never an index row without its
 * blob. Thread-safe if the store and index are.
 */
public final class StoreAndIndex {

    /** Builds the record for what was stored; may read the header parsed while the bytes streamed. */
    @FunctionalInterface
    public interface RecordFactory {
        InstanceRecord recordFor(PutResult stored) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoreAndIndex.class);

    private final BlobStore blobs;
    private final Index index;

    public StoreAndIndex(BlobStore blobs, Index index) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * Stores {@code data} under {@code key} and indexes it with the record {@code recordFactory} builds.
     *
     * @throws IOException if storing the bytes failed, or the record factory failed (blob compensated)
     * @throws org.hrnode.storage.index.IndexException if indexing failed (blob compensated)
     */
    public StoreOutcome store(String key, InputStream data, RecordFactory recordFactory) throws IOException {
        Objects.requireNonNull(recordFactory, "recordFactory");
        PutResult stored = blobs.put(key, data);
        StoreOutcome outcome;
        try {
            InstanceRecord record = recordFactory.recordFor(stored);
            if (!key.equals(record.stored().blobKey())) {
                throw new IllegalArgumentException("record names blob key '" + record.stored().blobKey()
                        + "' but the bytes were stored under '" + key + "'");
            }
            outcome = index.recordInstance(record);
            if (outcome == StoreOutcome.DUPLICATE) {
                deleteUnreferencedDuplicate(key, record.instance().sopInstanceUid());
            }
        } catch (IOException | RuntimeException e) {
            compensate(key, e);
            throw e;
        }
        return outcome;
    }

    /**
     * {@link #store(String, InputStream, RecordFactory)} with the record taken from the instance's header by
     * {@link InstanceRecord#fromDataset}.
     */
    public StoreOutcome store(String key, InputStream data, Dataset header, String transferSyntaxUid,
                              ArrivalInfo arrival) throws IOException {
        return store(key, data, stored -> InstanceRecord.fromDataset(header,
                StoredObject.of(key, transferSyntaxUid, stored), arrival));
    }

    private void compensate(String key, Exception failure) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The instance was already stored: this arrival's blob is garbage unless the index points at it. A failure here
     * must not turn an acknowledged duplicate into an error, so it is logged with the orphaned key for an operator.
     */
    private void deleteUnreferencedDuplicate(String key, String sopInstanceUid) {
        try {
            List<StoredInstanceRef> current = index.instancesOf(QueryLevel.IMAGE, sopInstanceUid);
            if (current.stream().noneMatch(ref -> ref.blobKey().equals(key))) {
                blobs.delete(key);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=orphan_blob reason=duplicate_cleanup_failed key={} sop_instance_uid={}", key,
                    sopInstanceUid, e);
        }
    }
}
