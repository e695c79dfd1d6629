package org.hrnode.storage.index;

/**
 * What retrieval (C-MOVE, C-GET, WADO) needs to send one stored instance: its identity, and where and what its bytes
 * are. Always the current version.
 *
 * @param pixelsDecodableHere see {@link StoredObject#pixelsDecodableHere()}
 */
public record StoredInstanceRef(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                                String sopInstanceUid, String transferSyntaxUid, String blobKey, long size,
                                String sha256, int version, boolean pixelsDecodableHere) {

    /** An instance whose pixels are uncompressed or proven to decode. */
    public StoredInstanceRef(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
            String sopInstanceUid, String transferSyntaxUid, String blobKey, long size, String sha256, int version) {
        this(studyInstanceUid, seriesInstanceUid, sopClassUid, sopInstanceUid, transferSyntaxUid, blobKey, size,
                sha256, version, true);
    }
}
