package org.hrnode.storage.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of stored objects live: a flat space of opaque keys chosen by the caller, each naming an immutable
 * sequence of bytes. Modelled on Orthanc's {@code IStorageArea}: put, get (whole or a range), exists, delete, and
 * nothing else. The index, not the blob store, knows what a key means.
 *
 * <p>Contract shared by every implementation (and held to it by the shared contract test):
 * <ul>
 *   <li>{@link #put} streams: data of unknown length is never held whole in memory (the in-memory fake excepted). It
 *       returns the size and SHA-256 computed while the bytes went by. When it returns, the blob is durable and
 *       visible; when it throws, nothing under the key has changed: a new key stays absent, an existing one keeps its
 *       previous bytes.</li>
 *   <li>Putting an existing key replaces its bytes atomically; readers see the old or the new blob, never a mix.
 *       The index relies on keys being unique per stored version, so callers should not reuse keys
 *       (see {@link BlobKeys#forInstance}).</li>
 *   <li>Reading a missing key throws {@link BlobNotFoundException}; deleting one is a no-op, so compensation may run
 *       twice.</li>
 *   <li>A store that cannot be reached (network down, disk unmounted) throws {@link BlobStoreUnavailableException},
 *       which the application reports as a transient failure (DIMSE A700, HTTP 503).</li>
 *   <li>Keys are validated by {@link BlobKeys#validate}; an invalid key is an {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe. Streams returned by {@code get} must be closed by the caller.
 */
public interface BlobStore extends Closeable {

    /**
     * Stores everything {@code data} yields under {@code key}, replacing any previous blob. Does not close
     * {@code data}. If reading {@code data} fails, that exception is rethrown and nothing is stored.
     */
    PutResult put(String key, InputStream data) throws IOException;

    /** The whole blob. */
    InputStream get(String key) throws IOException;

    /**
     * The bytes {@code [offset, offset + length)} of the blob, cut short at its end: an offset at or beyond the end
     * gives an empty stream.
     *
     * @throws IllegalArgumentException if offset or length is negative
     */
    InputStream get(String key, long offset, long length) throws IOException;

    /**
     * Exactly the bytes {@code [offset, offset + length)} of the blob, in memory: a frame or a fragment read on its
     * own from a large object.
     *
     * @throws IOException also when the blob ends before {@code offset + length}
     */
    default byte[] read(String key, long offset, int length) throws IOException {
        if (length == 0) {
            return new byte[0];
        }
        try (InputStream in = get(key, offset, length)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("blob " + key + " ends " + (length - bytes.length) + " bytes before the "
                        + length + " asked for at offset " + offset);
            }
            return bytes;
        }
    }

    boolean exists(String key) throws IOException;

    /** Removes the blob; a missing key is not an error. */
    void delete(String key) throws IOException;

    /** Releases connections or other resources; the default holds none. */
    @Override
    default void close() throws IOException {
    }

    /** Checks the arguments of a ranged {@link #get(String, long, long)}. */
    static void checkRange(long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("range offset and length must not be negative: offset=" + offset
                    + ", length=" + length);
        }
    }
}
