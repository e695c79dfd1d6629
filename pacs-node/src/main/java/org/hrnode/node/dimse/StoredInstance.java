package org.hrnode.node.dimse;

import java.io.IOException;
import java.io.InputStream;
import org.hrnode.dicom.data.BinaryValues;
import org.hrnode.dicom.net.service.RetrieveInstance;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.StoredInstanceRef;

/**
 * A stored instance sent by C-MOVE or C-GET, streamed from its blob. Blobs are Part 10 files that ingest wrote with
 * a preamble and a File Meta Information group whose length element comes first, so the data set starts at
 * 132 + 12 + that length: skipped without parsing.
 */
record StoredInstance(StoredInstanceRef ref, BlobStore blobs) implements RetrieveInstance {

    /** Preamble and "DICM". */
    private static final int META_START = 132;
    /** (0002,0000) UL header (8 bytes) and its 4-byte value. */
    private static final int GROUP_LENGTH_ELEMENT = 12;
    private static final int GROUP_LENGTH_VALUE_OFFSET = 8;

    @Override
    public String sopClassUid() {
        return ref.sopClassUid();
    }

    @Override
    public String sopInstanceUid() {
        return ref.sopInstanceUid();
    }

    @Override
    public String transferSyntaxUid() {
        return ref.transferSyntaxUid();
    }

    @Override
    public InputStream openDataSet() throws IOException {
        InputStream in = blobs.get(ref.blobKey());
        try {
            in.skipNBytes(META_START);
            byte[] groupLength = in.readNBytes(GROUP_LENGTH_ELEMENT);
            if (groupLength.length != GROUP_LENGTH_ELEMENT || groupLength[0] != 0x02 || groupLength[2] != 0x00) {
                throw new IOException("stored object " + ref.blobKey() + " does not start with a meta group length");
            }
            long metaLength = BinaryValues.s32(groupLength, GROUP_LENGTH_VALUE_OFFSET, false) & 0xFFFF_FFFFL;
            in.skipNBytes(metaLength);
            return in;
        } catch (IOException | RuntimeException e) {
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
