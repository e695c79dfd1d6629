package org.hrnode.storage.blob;

/**
 * The blob store cannot be reached or is not serving (connection refused, time-out, server error, storage root
 * missing). Transient from the caller's point of view: the application answers DIMSE A700 (out of resources) or
 * HTTP 503 so the sender retries later.
 */
public final class BlobStoreUnavailableException extends BlobStoreException {

    public BlobStoreUnavailableException(String message) {
        super(message);
    }

    public BlobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
