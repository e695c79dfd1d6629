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
 */
public record StoredObject(String blobKey, String transferSyntaxUid, long size, String sha256) {

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
}
