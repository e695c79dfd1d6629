package org.hrnode.storage.index;

/**
 * What retrieval (C-MOVE, C-GET, WADO) needs to send one stored instance: its identity, and where and what its bytes
 * are. Always the current version.
 */
public record StoredInstanceRef(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                                String sopInstanceUid, String transferSyntaxUid, String blobKey, long size,
                                String sha256, int version) {
}
