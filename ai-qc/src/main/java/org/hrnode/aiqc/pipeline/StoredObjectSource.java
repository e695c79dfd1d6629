package org.hrnode.aiqc.pipeline;

import java.io.IOException;
import java.io.InputStream;
import org.hrnode.dicom.io.BoundedInputStream;

/**
 * Opens one stored instance: the Part 10 file (preamble, File Meta Information, data set with Pixel Data) as the
 * archive holds it. Each call opens a fresh stream, which the caller closes; nothing is read until it is called, so
 * an assessor that needs only headers costs no blob reads.
 */
@FunctionalInterface
public interface StoredObjectSource {

    InputStream open() throws IOException;

    /**
     * Bytes {@code [offset, offset + length)} of the object {@link #open} gave, so that one frame of a large
     * multi-frame object is read without the rest. A source whose object was replaced since (the archive re-encoded
     * it) throws an {@link IOException} rather than return bytes of the new object, whose offsets differ. This
     * default reads up to the range and discards the bytes before it; stores that can seek override it.
     */
    default InputStream open(long offset, long length) throws IOException {
        InputStream in = open();
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BoundedInputStream(in, length);
    }
}
