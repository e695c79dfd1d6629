package org.hrnode.node.peers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.testing.ForwardingBlobStore;

/**
 * A blob store that stores what ingest writes but refuses every object in the syntaxes compression writes, so a
 * test can make the compression worker fail where it writes, deterministically, and learn when it tried.
 */
final class RefusingCompressedBlobStore extends ForwardingBlobStore {

    /** Enough to hold the File Meta Information, where the transfer syntax UID is. */
    private static final int META_BYTES = 1024;

    private final CountDownLatch refused = new CountDownLatch(1);
    private final AtomicInteger refusalsLeft;

    /** Refuses every compressed object. */
    RefusingCompressedBlobStore(BlobStore delegate) {
        this(delegate, Integer.MAX_VALUE);
    }

    /** Refuses the first {@code refusals} compressed objects, then stores them. */
    RefusingCompressedBlobStore(BlobStore delegate, int refusals) {
        super(delegate);
        this.refusalsLeft = new AtomicInteger(refusals);
    }

    /** Counted down at the first refusal. */
    CountDownLatch refused() {
        return refused;
    }

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        byte[] bytes = data.readAllBytes();
        String meta = new String(bytes, 0, Math.min(bytes.length, META_BYTES), StandardCharsets.ISO_8859_1);
        if ((meta.contains(TransferSyntax.JPEG_LS_LOSSLESS.uid())
                || meta.contains(TransferSyntax.JPEG_2000_LOSSLESS.uid())) && refusalsLeft.getAndDecrement() > 0) {
            refused.countDown();
            throw new IOException("test store refuses compressed objects");
        }
        return super.put(key, new ByteArrayInputStream(bytes));
    }
}
