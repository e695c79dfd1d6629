package org.hrnode.storage.index;

import java.util.Objects;
import org.hrnode.storage.blob.PutResult;

/**
 * Where an instance's bytes were stored and what they were, as the blob store reported it.
 *
 * @param blobKey           key in the blob store
 * @param transferSyntaxUid transfer syntax of the stored bytes
 * @param size              bytes stored
 * @param sha256            lower-case hexadecimal SHA-256 of the stored bytes
 * @param pixelsDecodableHere false when the pixels are compressed in a syntax this machine has no codec for, so
 *                          nobody proved they decode (kept as received, flagged in the index)
 * @param awaitsCompression uncompressed pixels to be re-encoded losslessly after the acknowledgement: the index
 *                          queues the instance in the transaction that records it
 */
public record StoredObject(String blobKey, String transferSyntaxUid, long size, String sha256,
                           boolean pixelsDecodableHere, boolean awaitsCompression) {

    /** Bytes whose pixels are uncompressed or proven to decode, kept as they are. */
    public StoredObject(String blobKey, String transferSyntaxUid, long size, String sha256) {
        this(blobKey, transferSyntaxUid, size, sha256, true, false);
    }

    public StoredObject {
        Objects.requireNonNull(blobKey, "blobKey");
        InstanceRecord.requireText(transferSyntaxUid, "transfer syntax UID");
        PutResult.requireSha256Hex(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    public static StoredObject of(String blobKey, String transferSyntaxUid, PutResult put) {
        return new StoredObject(blobKey, transferSyntaxUid, put.size(), put.sha256());
    }

    /** The same bytes, flagged as not proven decodable on this machine. */
    public StoredObject notDecodableHere() {
        return new StoredObject(blobKey, transferSyntaxUid, size, sha256, false, false);
    }

    /** The same bytes, to be compressed losslessly once acknowledged. */
    public StoredObject toBeCompressed() {
        return new StoredObject(blobKey, transferSyntaxUid, size, sha256, pixelsDecodableHere, true);
    }
}
