package org.hrnode.dicom.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Collects decoded bytes up to a limit, and fails as soon as a hostile value would exceed it. */
final class BoundedByteArrayOutputStream extends OutputStream {

    /** Thrown through the decoder that writes here, and caught by whoever set the limit. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(int limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;

    BoundedByteArrayOutputStream(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (bytes.size() >= limit) {
            throw new LimitExceeded(limit);
        }
        bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > limit - bytes.size()) {
            throw new LimitExceeded(limit);
        }
        bytes.write(b, off, len);
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
