package org.hrnode.storage.blob;

/** No blob is stored under the key: the index points at something that is gone, or the key is wrong. */
public final class BlobNotFoundException extends BlobStoreException {

    private final String key;

    public BlobNotFoundException(String key) {
        super("no blob is stored under key '" + key + "'");
        this.key = key;
    }

    public BlobNotFoundException(String key, Throwable cause) {
        super("no blob is stored under key '" + key + "'", cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
