package org.hrnode.node.ingest;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through unchanged while keeping a copy of its first bytes, so the header of an object can be
 * parsed after the object itself has streamed into the blob store: one pass over the bytes, and no more of them in
 * memory than the cap.
 */
final class HeaderCapture extends FilterInputStream {

    private final byte[] head;
    private int captured;

    HeaderCapture(InputStream in, int cap) {
        super(in);
        this.head = new byte[cap];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && captured < head.length) {
            head[captured++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && captured < head.length) {
            int k = Math.min(n, head.length - captured);
            System.arraycopy(b, off, head, captured, k);
            captured += k;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would leave a hole in the copy; read through instead.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int r = read(discard, 0, discard.length);
        return Math.max(r, 0);
    }

    /** Whether the whole stream fitted into the copy (read to its end within the cap). */
    boolean isComplete(long totalRead) {
        return totalRead <= captured;
    }

    /** The captured prefix, read in place. */
    InputStream captured() {
        return new ByteArrayInputStream(head, 0, captured);
    }

    /**
     * The buffer holding the captured prefix in its first {@link #capturedLength()} bytes, not a copy: a copy of up to
     * a mebibyte per stored object was measurable. Valid until the next read; callers must not write to it.
     */
    byte[] buffer() {
        return head;
    }

    int capturedLength() {
        return captured;
    }
}
