package org.hrnode.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and SHA-256-hashes the bytes read through it, so a store learns a blob's size and digest in the same pass that
 * writes it. Also remembers the first exception the source threw: a store whose client library wraps that exception
 * (minio does) can rethrow the caller's own failure instead of a misleading storage error.
 *
 * <p>{@code skip}, {@code mark} and {@code reset} are not supported: every byte must pass through the digest once.
 * Not thread-safe.
 */
final class MeasuringInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private long count;
    private IOException sourceFailure;

    MeasuringInputStream(InputStream source) {
        super(source);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            throw remember(e);
        }
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
        if (n > 0) {
            digest.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    private IOException remember(IOException e) {
        if (sourceFailure == null) {
            sourceFailure = e;
        }
        return e;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Leaves the source open: the caller of {@link BlobStore#put} owns it. */
    @Override
    public void close() {
    }

    /** The first exception the source threw, or null. */
    IOException sourceFailure() {
        return sourceFailure;
    }

    /** Size and digest of everything read so far; call once, after the source is exhausted. */
    PutResult result() {
        return new PutResult(count, HexFormat.of().formatHex(digest.digest()));
    }
}
