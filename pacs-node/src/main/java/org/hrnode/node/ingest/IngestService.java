package org.hrnode.node.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.json.BulkDataUriPolicy;
import org.hrnode.dicom.json.DicomJsonWriter;
import org.hrnode.dicom.json.JsonLayout;
import org.hrnode.node.quality.QualityJudge;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.blob.BlobKeys;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.audit.AuditEvent;
import org.hrnode.storage.audit.AuditTrail;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.BlobStoreUnavailableException;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.index.ArrivalInfo;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredObject;
import org.hrnode.storage.ingest.StoreAndIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest path, for C-STORE, import and (later) STOW-RS: an object arrives as a data set stream in a known
 * transfer syntax and leaves as a durable Part 10 blob with its index row, or not at all.
 *
 * <p>The stream flows once, straight into the blob store behind a File Meta Information header we write, while its
 * first {@value #HEADER_CAPTURE_BYTES} bytes are copied aside. The header is parsed from that copy after the bytes
 * are stored (from the blob itself, large values skipped, when the header is longer), checked against the request,
 * and indexed together with its DICOM JSON metadata. Any failure after the blob was written deletes it
 * ({@link StoreAndIndex}); success is returned only once both are committed, so the caller may acknowledge it.
 */
public final class IngestService {

    /** Enough for the header of any ordinary object; a longer header is re-read from the blob. */
    static final int HEADER_CAPTURE_BYTES = 1 << 20;
    private static final int PREAMBLE_LENGTH = 128;
    private static final String BULK_DATA_URI_TEMPLATE = "bulkdata/{path}";
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final BlobStore blobs;
    private final StoreAndIndex storeAndIndex;
    private final AeRegistry aeRegistry;
    private final ReadOptions readOptions;
    private final Clock clock;
    private final QualityJudge qualityJudge;
    private final LosslessCheck lossless;
    /** Shared with {@link #audited} copies: a listener added to either hears every store through both. */
    private final List<StoredListener> storedListeners;
    private final AuditTrail audit;
    private static final DicomJsonWriter METADATA_WRITER = new DicomJsonWriter(
            BulkDataUriPolicy.aboveThreshold(ReadOptions.DEFAULT_BULK_DATA_THRESHOLD, BULK_DATA_URI_TEMPLATE),
            JsonLayout.COMPACT);

    /** An ingest path without the lossless rule, e.g. for a node configured with lossy-images=accept. */
    public IngestService(BlobStore blobs, StoreAndIndex storeAndIndex, AeRegistry aeRegistry, ReadOptions readOptions,
            Clock clock) {
        this(blobs, storeAndIndex, aeRegistry, readOptions, clock, QualityJudge.defaults(), LosslessCheck.off());
    }

    /**
     * @param clock        gives each object's arrival time, read once it was fully received
     * @param qualityJudge judges each object for the data-quality metrics (never a reason to refuse it)
     */
    public IngestService(BlobStore blobs, StoreAndIndex storeAndIndex, AeRegistry aeRegistry, ReadOptions readOptions,
            Clock clock, QualityJudge qualityJudge) {
        this(blobs, storeAndIndex, aeRegistry, readOptions, clock, qualityJudge, LosslessCheck.off());
    }

    /**
     * @param clock        gives each object's arrival time, read once it was fully received
     * @param qualityJudge judges each object for the data-quality metrics (never a reason to refuse it)
     * @param lossless     what makes a lossy or undecodable image a refusal, and an uncompressed one queued for
     *                     compression (川渝互认 spec §7.1)
     */
    public IngestService(BlobStore blobs, StoreAndIndex storeAndIndex, AeRegistry aeRegistry, ReadOptions readOptions,
            Clock clock, QualityJudge qualityJudge, LosslessCheck lossless) {
        this(blobs, storeAndIndex, aeRegistry, readOptions, clock, qualityJudge, lossless, AuditTrail.NONE,
                new CopyOnWriteArrayList<>());
    }

    private IngestService(BlobStore blobs, StoreAndIndex storeAndIndex, AeRegistry aeRegistry,
            ReadOptions readOptions, Clock clock, QualityJudge qualityJudge, LosslessCheck lossless,
            AuditTrail audit, List<StoredListener> storedListeners) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.storedListeners = storedListeners;
        this.qualityJudge = Objects.requireNonNull(qualityJudge, "qualityJudge");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.storeAndIndex = Objects.requireNonNull(storeAndIndex, "storeAndIndex");
        this.aeRegistry = Objects.requireNonNull(aeRegistry, "aeRegistry");
        this.readOptions = Objects.requireNonNull(readOptions, "readOptions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lossless = Objects.requireNonNull(lossless, "lossless");
    }

    /** Told of each object once it is stored and indexed, e.g. to turn report objects into reports. */
    @FunctionalInterface
    public interface StoredListener {
        /**
         * @param blobKey         where the stored Part 10 object is
         * @param institutionCode the sender's institution (AE registry), or null
         */
        void stored(String sopClassUid, String sopInstanceUid, String blobKey, String institutionCode)
                throws IOException;
    }

    /**
     * Adds a listener. It runs on the storing thread after the object is stored; its failure is logged and never
     * undoes or refuses the object.
     */
    public void whenStored(StoredListener listener) {
        storedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void tellListeners(String sopClassUid, String sopInstanceUid, String key, String institution) {
        for (StoredListener l : storedListeners) {
            try {
                l.stored(sopClassUid, sopInstanceUid, key, institution);
            } catch (IOException | RuntimeException e) {
                LOG.warn("event=stored_listener_failed sop_instance_uid={} reason=\"{}\"", sopInstanceUid,
                        e.getMessage());
            }
        }
    }

    /**
     * This ingest path recording every store and refusal in {@code audit}: one hook for C-STORE, STOW-RS and import,
     * which all come through here. Its stored-listeners are this one's.
     */
    public IngestService audited(AuditTrail audit) {
        return new IngestService(blobs, storeAndIndex, aeRegistry, readOptions, clock, qualityJudge, lossless, audit,
                storedListeners);
    }

    /**
     * A further condition a front door puts on an object's header (e.g. STOW-RS: "of this study"), checked with the
     * node's own checks, after the bytes arrived and before anything is committed.
     */
    @FunctionalInterface
    public interface HeaderCondition {
        /** No condition beyond the node's own. */
        HeaderCondition NONE = header -> { };

        /** @throws IngestException to refuse the object; nothing of it is stored */
        void check(Dataset header) throws IngestException;
    }

    /**
     * Stores one object.
     *
     * @param dataSet the data set alone (no preamble or meta) in {@code transferSyntaxUid}; read to its end, not
     *     closed
     */
    public IngestResult ingest(IngestSource source, String sopClassUid, String sopInstanceUid,
            String transferSyntaxUid, InputStream dataSet) throws IngestException {
        return ingest(source, sopClassUid, sopInstanceUid, transferSyntaxUid, dataSet, HeaderCondition.NONE);
    }

    /**
     * Stores one object if its header also meets {@code condition}.
     *
     * @param dataSet the data set alone (no preamble or meta) in {@code transferSyntaxUid}; read to its end, not
     *     closed
     */
    public IngestResult ingest(IngestSource source, String sopClassUid, String sopInstanceUid,
            String transferSyntaxUid, InputStream dataSet, HeaderCondition condition) throws IngestException {
        String[] seen = new String[2]; // study UID, sender's institution: what the audit record says
        try {
            IngestResult result = ingestUnaudited(source, sopClassUid, sopInstanceUid, transferSyntaxUid, dataSet,
                    condition, seen);
            audit(source, "ok", seen, sopInstanceUid);
            return result;
        } catch (IngestException e) {
            audit(source, "refused:" + e.reason(), seen, sopInstanceUid);
            throw e;
        }
    }

    /** The audit record of one store: the sender is the calling AE; patient data never goes into it. */
    private void audit(IngestSource source, String outcome, String[] seen, String sopInstanceUid) {
        audit.record(new AuditEvent(clock.instant(), "ae:" + source.callingAeTitle(), "sender", seen[1],
                source.logName(), AuditAction.STORE.code(), outcome, seen[0], "sop " + sopInstanceUid));
    }

    private IngestResult ingestUnaudited(IngestSource source, String sopClassUid, String sopInstanceUid,
            String transferSyntaxUid, InputStream dataSet, HeaderCondition condition, String[] seen)
            throws IngestException {
        Objects.requireNonNull(condition, "condition");
        String key = BlobKeys.forInstance(sopInstanceUid);
        byte[] prefix = part10Prefix(source, sopClassUid, sopInstanceUid, transferSyntaxUid);
        HeaderCapture capture = new HeaderCapture(
                new SequenceInputStream(new ByteArrayInputStream(prefix), dataSet), HEADER_CAPTURE_BYTES);
        try {
            // inside the try: a registry that cannot be read means the database is down, like any index failure
            Optional<ApplicationEntity> caller = aeRegistry.find(source.callingAeTitle());
            String institution = caller.map(ApplicationEntity::institutionCode).orElse(null);
            seen[1] = institution;
            long[] size = new long[1];
            String[] digest = new String[1];
            LosslessCheck.Verdict[] verdict = new LosslessCheck.Verdict[1];
            StoreOutcome outcome = storeAndIndex.store(key, capture, stored -> {
                size[0] = stored.size();
                digest[0] = stored.sha256();
                Dataset header = parseHeader(capture, stored, key);
                seen[0] = header.getString(Tag.StudyInstanceUID);
                requireMatches(header, sopClassUid, sopInstanceUid);
                requireCondition(condition, header);
                verdict[0] = requireLossless(header, key, stored.size(), transferSyntaxUid, source, caller,
                        capture.isComplete(stored.size()) ? Optional.of(capture.captured()) : Optional.empty());
                StoredObject object = switch (verdict[0]) {
                    case KEEP -> StoredObject.of(key, transferSyntaxUid, stored);
                    case NOT_DECODABLE_HERE -> StoredObject.of(key, transferSyntaxUid, stored).notDecodableHere();
                    case COMPRESS -> StoredObject.of(key, transferSyntaxUid, stored).toBeCompressed();
                };
                ArrivalInfo arrival = new ArrivalInfo(clock.instant(), source.callingAeTitle(), institution);
                return InstanceRecord.fromDataset(header, object, arrival)
                        .withMetadataJson(metadataJson(header))
                        .withQuality(qualityJudge.judge(header, arrival.arrivedAt(), transferSyntaxUid));
            });
            LOG.info("event=stored source={} outcome={} bytes={} transfer_syntax={}", source.logName(), outcome,
                    size[0], transferSyntaxUid);
            lossless.stored(sopInstanceUid, verdict[0]);
            tellListeners(sopClassUid, sopInstanceUid, key, institution);
            return new IngestResult(sopInstanceUid, outcome, size[0], digest[0]);
        } catch (RejectedHeader e) {
            throw e.reason;
        } catch (BlobStoreUnavailableException e) {
            throw new IngestException(IngestException.Reason.STORAGE_UNAVAILABLE,
                    "blob store unavailable, nothing stored: " + e.getMessage(), e);
        } catch (IndexUnavailableException e) {
            throw new IngestException(IngestException.Reason.STORAGE_UNAVAILABLE,
                    "database unavailable, nothing stored: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new IngestException(IngestException.Reason.PROCESSING_FAILURE,
                    "storing failed, nothing stored: " + e.getMessage(), e);
        }
    }

    /** The DICOM JSON the index keeps of a header (everything before Pixel Data). */
    public static String metadataJson(Dataset header) {
        return METADATA_WRITER.toJson(header);
    }

    /** Carries a refusal through {@link StoreAndIndex}'s record factory, which may only throw IOException. */
    private static final class RejectedHeader extends IOException {
        private final IngestException reason;

        RejectedHeader(IngestException reason) {
            super(reason.getMessage(), reason);
            this.reason = reason;
        }
    }

    /** What the lossless rule makes of the object; throws the refusal of a lossy or undecodable image. */
    private LosslessCheck.Verdict requireLossless(Dataset header, String key, long size, String transferSyntaxUid,
            IngestSource source, Optional<ApplicationEntity> caller, Optional<InputStream> wholeObject)
            throws IOException {
        try {
            return lossless.check(header, key, size, transferSyntaxUid, source, caller, wholeObject);
        } catch (IngestException e) {
            throw new RejectedHeader(e);
        }
    }

    private static void requireCondition(HeaderCondition condition, Dataset header) throws RejectedHeader {
        try {
            condition.check(header);
        } catch (IngestException e) {
            throw new RejectedHeader(e);
        }
    }

    private static byte[] part10Prefix(IngestSource source, String sopClassUid, String sopInstanceUid,
            String transferSyntaxUid) {
        Dataset meta = FileMetaInformation.create(sopClassUid, sopInstanceUid, transferSyntaxUid);
        meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, source.callingAeTitle());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            out.write(new byte[PREAMBLE_LENGTH]);
            out.write(new byte[] {'D', 'I', 'C', 'M'});
            w.writeFileMetaInformation(meta);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The header (everything before Pixel Data) of what was just stored: from the captured copy when it holds the
     * whole header, else from the blob with large values skipped, so even a header of many megabytes costs little.
     */
    private Dataset parseHeader(HeaderCapture capture, PutResult stored, String key) throws IOException {
        boolean wholeObjectCaptured = capture.isComplete(stored.size());
        try {
            byte[] captured = capture.buffer();
            int length = capture.capturedLength();
            DicomReader reader = new DicomReader(capture.captured(), length, readOptions);
            TransferSyntax ts = reader.readPart10Header().transferSyntax();
            long dataSetStart = reader.position();
            Dataset header = reader.readDataset(Tag.PixelData);
            if (reader.stoppedBeforeTag()
                    && PixelDataEncoding.fragmentsInNativeSyntax(captured, length, dataSetStart, reader.position(),
                    ts)) {
                throw new RejectedHeader(new IngestException(IngestException.Reason.NOT_DICOM,
                        "compressed Pixel Data in native syntax " + ts.uid()));
            }
            return header;
        } catch (DicomParseException e) {
            if (wholeObjectCaptured) {
                throw notDicom(e);
            }
        }
        try (InputStream in = blobs.get(key)) {
            return readHeader(in, stored.size(),
                    readOptions.withBulkDataSource(URI.create("blob:" + key.replace(' ', '_'))));
        } catch (DicomParseException e) {
            throw notDicom(e);
        }
    }

    private static Dataset readHeader(InputStream in, long length, ReadOptions options)
            throws IOException, DicomParseException {
        DicomReader reader = new DicomReader(in, length, options);
        reader.readPart10Header();
        return reader.readDataset(Tag.PixelData);
    }

    private static RejectedHeader notDicom(DicomParseException e) {
        return new RejectedHeader(new IngestException(IngestException.Reason.NOT_DICOM,
                "the data set is not readable DICOM: " + e.getMessage(), e));
    }

    private static void requireMatches(Dataset header, String sopClassUid, String sopInstanceUid)
            throws RejectedHeader {
        String instance = header.getString(Tag.SOPInstanceUID);
        String sopClass = header.getString(Tag.SOPClassUID);
        if (!sopInstanceUid.equals(instance) || !sopClassUid.equals(sopClass)) {
            throw new RejectedHeader(new IngestException(IngestException.Reason.DOES_NOT_MATCH_REQUEST,
                    "the data set says SOP Class " + sopClass + " / Instance " + instance
                            + " but the request says " + sopClassUid + " / " + sopInstanceUid));
        }
        if (header.getString(Tag.StudyInstanceUID) == null || header.getString(Tag.SeriesInstanceUID) == null) {
            throw new RejectedHeader(new IngestException(IngestException.Reason.DOES_NOT_MATCH_REQUEST,
                    "the data set lacks Study Instance UID or Series Instance UID, which every stored object needs"));
        }
    }
}
