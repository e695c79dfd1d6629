package org.hrnode.node.dimse;

import java.io.IOException;
import java.io.InputStream;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.service.StoreHandler;
import org.hrnode.dicom.net.service.StoreRequest;
import org.hrnode.node.ingest.IngestException;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.ingest.IngestSource;

/**
 * C-STORE into the ingest path. Success goes back only after the object is in the blob store and indexed; each
 * refusal maps to the DIMSE status a sender can act on, with the reason as Error Comment.
 */
public final class IngestStoreHandler implements StoreHandler {

    private final IngestService ingest;

    public IngestStoreHandler(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public Status store(StoreRequest request, InputStream dataSet) throws DicomServiceException, IOException {
        try {
            ingest.ingest(new IngestSource(request.callingAETitle(), request.association().name()),
                    request.sopClassUid(), request.sopInstanceUid(), request.transferSyntaxUid(), dataSet);
            return Status.SUCCESS;
        } catch (IngestException e) {
            throw new DicomServiceException(statusFor(e.reason()), e.getMessage(), e);
        }
    }

    static Status statusFor(IngestException.Reason reason) {
        return switch (reason) {
            case STORAGE_UNAVAILABLE -> Status.OUT_OF_RESOURCES;
            case NOT_DICOM -> Status.CANNOT_UNDERSTAND;
            case DOES_NOT_MATCH_REQUEST, LOSSY, NOT_COMPRESSED -> Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS;
            case PIXEL_DATA_UNDECODABLE -> Status.CANNOT_UNDERSTAND;
            case PROCESSING_FAILURE -> Status.PROCESSING_FAILURE;
        };
    }
}
