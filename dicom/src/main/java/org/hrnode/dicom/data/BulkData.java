package org.hrnode.dicom.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hrnode.dicom.io.BoundedInputStream;

/**
 * A value left where it lies: {@code length} bytes at {@code offset} of the resource {@code uri}, in the byte
 * order of the dataset that refers to it. Readers produce these for large values so that a multi-gigabyte
 * object never has to fit in memory; writers and DICOMweb stream them back out.
 */
public record BulkData(URI uri, long offset, long length) {

    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bulk data offset and length must be >= 0, got " + offset + "/" + length);
        }
    }

    /** Opens the referenced bytes. Only {@code file:} URIs are resolved here; other schemes belong to their owner. */
    public InputStream openStream() throws IOException {
        if (!"file".equals(uri.getScheme())) {
            throw new IOException("cannot open bulk data at " + uri + ": only file: URIs are readable here");
        }
        FileChannel channel = FileChannel.open(Path.of(uri), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    /** Reads the whole value into memory; for callers that know it is small enough. */
    public byte[] readAll() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("bulk data of " + length + " bytes does not fit in one array");
        }
        try (InputStream in = openStream()) {
            byte[] b = in.readNBytes((int) length);
            if (b.length != length) {
                throw new IOException("bulk data at " + uri + " ended after " + b.length + " of " + length + " bytes");
            }
            return b;
        }
    }
}
