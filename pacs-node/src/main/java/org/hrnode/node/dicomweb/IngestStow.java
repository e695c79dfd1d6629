package org.hrnode.node.dicomweb;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.node.dimse.StorageSopClasses;
import org.hrnode.node.ingest.IngestException;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.wado.stow.FailureReasons;
import org.hrnode.wado.stow.StowIngest;
import org.hrnode.wado.stow.StowResult;

/**
 * STOW-RS into the node's one ingest path: every part is stored exactly as a C-STORE of the same object would be
 * (lossless rule, quality judgement, duplicates and versions, durability), recorded as sent by the configured STOW
 * AE title so the AE registry gives it an institution. Each refusal maps once to a PS3.18 Failure Reason, the same
 * way {@code IngestStoreHandler} maps it to a DIMSE status.
 */
public final class IngestStow implements StowIngest {

    private static final String LOG_NAME = "stow-rs";

    private final IngestService ingest;
    private final IngestSource source;
    private final Set<String> storageSopClasses = Set.copyOf(StorageSopClasses.all());

    /** @param callingAeTitle recorded as the sender of every STOW-RS object */
    public IngestStow(IngestService ingest, String callingAeTitle) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.source = new IngestSource(Objects.requireNonNull(callingAeTitle, "callingAeTitle"), LOG_NAME);
    }

    @Override
    public StowResult store(StowInstance instance, InputStream dataSet, Optional<String> requiredStudy) {
        if (!storageSopClasses.contains(instance.sopClassUid())) {
            // as C-STORE, where no presentation context would have been accepted for it
            return StowResult.Failed.of(instance.sopClassUid(), instance.sopInstanceUid(),
                    FailureReasons.SOP_CLASS_NOT_SUPPORTED, "SOP Class " + instance.sopClassUid()
                            + " is not a storage SOP class this node stores");
        }
        String[] studyAndSeries = new String[2];
        try {
            ingest.ingest(source, instance.sopClassUid(), instance.sopInstanceUid(), instance.transferSyntaxUid(),
                    dataSet, header -> {
                        String study = header.getString(Tag.StudyInstanceUID);
                        if (requiredStudy.isPresent() && !requiredStudy.get().equals(study)) {
                            throw new IngestException(IngestException.Reason.DOES_NOT_MATCH_REQUEST,
                                    "the object belongs to study " + study + ", not to study "
                                            + requiredStudy.get() + " the request was sent to");
                        }
                        studyAndSeries[0] = study;
                        studyAndSeries[1] = header.getString(Tag.SeriesInstanceUID);
                    });
            return new StowResult.Stored(instance.sopClassUid(), instance.sopInstanceUid(), studyAndSeries[0],
                    studyAndSeries[1]);
        } catch (IngestException e) {
            return new StowResult.Failed(instance.sopClassUid(), instance.sopInstanceUid(),
                    failureReasonFor(e.reason()), e.getMessage(),
                    e.reason() == IngestException.Reason.STORAGE_UNAVAILABLE);
        }
    }

    static int failureReasonFor(IngestException.Reason reason) {
        return switch (reason) {
            case STORAGE_UNAVAILABLE -> FailureReasons.OUT_OF_RESOURCES;
            case NOT_DICOM, PIXEL_DATA_UNDECODABLE -> FailureReasons.CANNOT_UNDERSTAND;
            case DOES_NOT_MATCH_REQUEST, LOSSY, NOT_COMPRESSED -> FailureReasons.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
            case PROCESSING_FAILURE -> FailureReasons.PROCESSING_FAILURE;
        };
    }
}
