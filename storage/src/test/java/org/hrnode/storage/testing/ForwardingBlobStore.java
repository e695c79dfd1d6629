package org.hrnode.storage.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.PutResult;

/**
 * A blob store that passes every call to another: the base of test stores that misbehave in one method (refuse some
 * puts, cannot delete) and behave in all others.
 */
public abstract class ForwardingBlobStore implements BlobStore {

    private final BlobStore delegate;

    protected ForwardingBlobStore(BlobStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    protected final BlobStore delegate() {
        return delegate;
    }

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        return delegate.put(key, data);
    }

    @Override
    public InputStream get(String key) throws IOException {
        return delegate.get(key);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        return delegate.get(key, offset, length);
    }

    @Override
    public boolean exists(String key) throws IOException {
        return delegate.exists(key);
    }

    @Override
    public void delete(String key) throws IOException {
        delegate.delete(key);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
