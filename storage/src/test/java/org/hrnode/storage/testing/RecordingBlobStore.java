package org.hrnode.storage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hrnode.storage.blob.BlobStore;

/** A blob store that records which blobs were read whole and how long each ranged read was: to prove what a reader
 * holds in memory without timing anything. */
public final class RecordingBlobStore extends ForwardingBlobStore {

    private final List<String> wholeReads = new CopyOnWriteArrayList<>();
    private final List<Long> rangedReads = new CopyOnWriteArrayList<>();

    public RecordingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public InputStream get(String key) throws IOException {
        wholeReads.add(key);
        return super.get(key);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        rangedReads.add(length);
        return super.get(key, offset, length);
    }

    /** How many times {@code key} was read whole. */
    public long wholeReadsOf(String key) {
        return wholeReads.stream().filter(key::equals).count();
    }

    /** The lengths of the ranged reads, in order. */
    public List<Long> rangedReads() {
        return List.copyOf(rangedReads);
    }
}
