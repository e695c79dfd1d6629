package org.hrnode.storage.blob;

/**
 * An encrypted blob could not be read back: wrong or missing key, or the bytes were altered or truncated. Not
 * transient; retrying will not help. The message names the blob key and the key id, never any content.
 */
public final class BlobDecryptionException extends BlobStoreException {

    public BlobDecryptionException(String message) {
        super(message);
    }

    public BlobDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
