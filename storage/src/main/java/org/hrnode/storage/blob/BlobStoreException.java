package org.hrnode.storage.blob;

import java.io.IOException;

/**
 * A blob store operation failed for a reason the store itself reports (as opposed to the caller's input stream
 * failing, which is rethrown as it was). Subclasses say whether the key was missing or the store unreachable; a plain
 * {@code BlobStoreException} is a refusal the caller cannot fix by retrying (permissions, a misconfigured bucket).
 */
public class BlobStoreException extends IOException {

    public BlobStoreException(String message) {
        super(message);
    }

    public BlobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
