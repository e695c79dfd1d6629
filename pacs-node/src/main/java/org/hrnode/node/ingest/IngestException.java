package org.hrnode.node.ingest;

/**
 * Why an object was not stored, in terms every front door can map to its protocol: DIMSE statuses for C-STORE,
 * HTTP codes and FailureReason for STOW-RS. The message says what was wrong and, where it helps, what to do.
 */
public final class IngestException extends Exception {

    /** The kinds of refusal; each front door maps them once. */
    public enum Reason {
        /** Blob store or database cannot be reached now; worth retrying later (DIMSE A700, HTTP 503). */
        STORAGE_UNAVAILABLE,
        /** The bytes are not DICOM we can read (DIMSE C000, HTTP 400). */
        NOT_DICOM,
        /** The data set contradicts its command: other SOP Instance/Class UID (DIMSE A900, HTTP 409). */
        DOES_NOT_MATCH_REQUEST,
        /**
         * The image went through lossy compression (a lossy transfer syntax, or Lossy Image Compression "01" / a
         * ratio or method in the data set); the archive keeps lossless images only (DIMSE A900, HTTP 409).
         */
        LOSSY,
        /** An uncompressed image from a sender configured to compress itself (DIMSE A900, HTTP 409). */
        NOT_COMPRESSED,
        /** Pixel Data in a lossless compressed syntax that does not decode (DIMSE C000, HTTP 400). */
        PIXEL_DATA_UNDECODABLE,
        /** Anything else that failed while storing (DIMSE 0110, HTTP 500). */
        PROCESSING_FAILURE
    }

    private final Reason reason;

    public IngestException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public IngestException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
