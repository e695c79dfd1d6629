package org.hrnode.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic pseudo-random stream of a given length that exists nowhere in memory, so tests can push objects far
 * larger than any buffer they would tolerate. Optionally throws after a number of bytes, like a peer that drops the
 * connection mid-transfer.
 */
final class GeneratedInputStream extends InputStream {

    private static final long NEVER = Long.MAX_VALUE;

    private final long size;
    private final long failAfter;
    private final IOException failure;
    private long position;
    private long state;

    GeneratedInputStream(long size, long seed) {
        this(size, seed, NEVER, null);
    }

    private GeneratedInputStream(long size, long seed, long failAfter, IOException failure) {
        this.size = size;
        this.state = seed | 1;
        this.failAfter = failAfter;
        this.failure = failure;
    }

    /** A stream that throws {@code failure} once {@code failAfter} bytes have been read. */
    static GeneratedInputStream failingAfter(long failAfter, IOException failure) {
        return new GeneratedInputStream(NEVER, 1, failAfter, failure);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position >= failAfter) {
            throw failure;
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, Math.min(size, failAfter) - position);
        for (int i = 0; i < n; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            buffer[offset + i] = (byte) state;
        }
        position += n;
        return n;
    }

    /** SHA-256 (hex) of everything a stream yields, read in chunks. */
    static String sha256Of(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of bytes a stream yields, read in chunks. */
    static long countOf(InputStream in) throws IOException {
        try (in) {
            return in.transferTo(OutputStreamSink.INSTANCE);
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
