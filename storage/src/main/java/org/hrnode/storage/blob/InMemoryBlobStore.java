package org.hrnode.storage.blob;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blob store as a map in memory: the fake that ingest and application tests run against, as Orthanc keeps
 * {@code MemoryStorageArea} beside its real stores. It keeps the whole contract except streaming (each blob is held
 * whole, so keep test objects small) and durability.
 *
 * <p>{@link #setAvailable(boolean) setAvailable(false)} makes every operation throw
 * {@link BlobStoreUnavailableException}, to test what the application does when the store is down.
 */
public final class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private volatile boolean available = true;

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        BlobKeys.validate(key);
        Objects.requireNonNull(data, "data");
        requireAvailable();
        MeasuringInputStream measured = new MeasuringInputStream(data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        measured.transferTo(bytes);
        blobs.put(key, bytes.toByteArray());
        return measured.result();
    }

    @Override
    public InputStream get(String key) throws IOException {
        return new ByteArrayInputStream(blob(key));
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobStore.checkRange(offset, length);
        byte[] blob = blob(key);
        int from = (int) Math.min(offset, blob.length);
        int count = (int) Math.min(length, blob.length - from);
        return new ByteArrayInputStream(blob, from, count);
    }

    @Override
    public boolean exists(String key) throws IOException {
        BlobKeys.validate(key);
        requireAvailable();
        return blobs.containsKey(key);
    }

    @Override
    public void delete(String key) throws IOException {
        BlobKeys.validate(key);
        requireAvailable();
        blobs.remove(key);
    }

    /** The keys stored now, for assertions. */
    public Set<String> keys() {
        return Set.copyOf(blobs.keySet());
    }

    /** Simulates the store going down ({@code false}) or coming back ({@code true}). */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    private byte[] blob(String key) throws IOException {
        BlobKeys.validate(key);
        requireAvailable();
        byte[] blob = blobs.get(key);
        if (blob == null) {
            throw new BlobNotFoundException(key);
        }
        return blob;
    }

    private void requireAvailable() throws BlobStoreUnavailableException {
        if (!available) {
            throw new BlobStoreUnavailableException("in-memory blob store is marked unavailable");
        }
    }

    @Override
    public String toString() {
        return "InMemoryBlobStore[" + blobs.size() + " blobs]";
    }
}
