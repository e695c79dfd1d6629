package org.hrnode.storage.metadata;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * The DICOM JSON the index keeps of each instance (without bulk data), read for WADO-RS metadata, and the pre-built
 * series documents (table {@code series_metadata}, V8) that make series metadata a copy instead of a rebuild.
 *
 * <p>Reads stream from a database cursor, one instance at a time, so a study of any size never sits in memory.
 * Every method may throw {@link org.hrnode.storage.index.IndexUnavailableException} or
 * {@link org.hrnode.storage.index.IndexException}. Implementations are thread-safe.
 */
public interface InstanceMetadataIndex extends AutoCloseable {

    /** One current instance: where its bytes are, and its DICOM JSON (null when the index holds none). */
    record InstanceMetadata(StoredInstanceRef ref, String json) {
    }

    /** Receives instances one by one; may write them to a response as they come. */
    @FunctionalInterface
    interface Visitor {
        void visit(InstanceMetadata instance) throws IOException;
    }

    /**
     * Visits the current instances of one study, series or instance (by UID) in retrieval order (series, then
     * instance number).
     *
     * @return how many were visited: 0 when the UID is unknown
     */
    int forEach(QueryLevel level, String uid, Visitor visitor) throws IOException;

    /**
     * Visits the instances of a series from one consistent snapshot, and says which generation of the series that
     * snapshot is (what {@link #storeSeriesDocument} needs).
     *
     * @return the generation, or empty when the series is unknown
     */
    OptionalLong forEachInSeries(String seriesInstanceUid, Visitor visitor) throws IOException;

    /**
     * The series' current generation, with its pre-built document when one is current for it and was built for
     * {@code baseUri}.
     *
     * @return empty when the series is unknown
     */
    Optional<SeriesState> seriesState(String seriesInstanceUid, String baseUri);

    /**
     * Keeps a document built from generation {@code document.generation()}; ignored when the series has changed
     * since (the document would be stale at once) or a newer one is already kept.
     *
     * @return whether it was kept
     */
    boolean storeSeriesDocument(String seriesInstanceUid, SeriesDocument document);

    /**
     * Calls {@code listener} (on a thread of this index) with the Series Instance UID of each series whose instances
     * changed and then stayed quiet for a moment, whoever changed them, until {@link #close}: the moment to rebuild
     * its document before anyone asks. Best effort: a change may go unreported (database restarted), never
     * misreported, since documents carry their generation anyway.
     */
    void whenSeriesSettle(Consumer<String> listener);

    /** Stops reporting settled series. */
    @Override
    void close();

    /**
     * A series' generation and, when current, its document.
     *
     * @param studyInstanceUid the study the series belongs to
     * @param document         null when none is current for the base URI asked about
     */
    record SeriesState(long generation, String studyInstanceUid, SeriesDocument document) {
    }

    /**
     * The metadata of a whole series as one JSON array, gzip-compressed.
     *
     * @param generation the series generation it was built from
     * @param baseUri    the DICOMweb base its BulkDataURIs start with
     * @param jsonGzip   the gzip-compressed JSON; not copied, do not modify
     * @param jsonLength length of the uncompressed JSON in bytes
     */
    record SeriesDocument(long generation, String baseUri, byte[] jsonGzip, long jsonLength) {
    }
}
