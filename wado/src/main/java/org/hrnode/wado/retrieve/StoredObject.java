package org.hrnode.wado.retrieve;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.StoredInstanceRef;

/**
 * One stored Part 10 object parsed for frame and bulk data access: small values in memory, large ones (Pixel Data,
 * its fragments, other bulk values) as {@link BulkData} references holding their offset in the blob, so that a
 * frame or a byte range is then one ranged read of the blob store, never a load of the object. The parse itself
 * reads the header and skips over large values.
 *
 * <p>A deflated object has no usable offsets (they count inflated bytes), so it is read whole into memory instead.
 */
final class StoredObject {

    /** Names the blob in {@link BulkData} references; only this class resolves them. */
    private static final URI BLOB = URI.create("blob:stored-object");
    private static final int BUFFER = 64 * 1024;

    private final BlobStore blobs;
    private final StoredInstanceRef ref;
    private final Dataset dataset;
    private final TransferSyntax transferSyntax;

    private StoredObject(BlobStore blobs, StoredInstanceRef ref, Dataset dataset, TransferSyntax transferSyntax) {
        this.blobs = blobs;
        this.ref = ref;
        this.dataset = dataset;
        this.transferSyntax = transferSyntax;
    }

    static StoredObject read(BlobStore blobs, StoredInstanceRef ref) throws IOException {
        TransferSyntax stored = TransferSyntax.orDefault(ref.transferSyntaxUid());
        ReadOptions options = stored.isDeflated() ? ReadOptions.defaults()
                : ReadOptions.defaults().withBulkDataSource(BLOB);
        try (InputStream in = new BufferedInputStream(blobs.get(ref.blobKey()), BUFFER)) {
            DicomReader reader = new DicomReader(in, ref.size(), options);
            TransferSyntax ts = reader.readPart10Header().transferSyntax();
            return new StoredObject(blobs, ref, reader.readDataset(-1), ts);
        } catch (DicomParseException e) {
            throw new IOException("stored object " + ref.sopInstanceUid() + " is not readable DICOM: "
                    + e.getMessage(), e);
        }
    }

    Dataset dataset() {
        return dataset;
    }

    TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    StoredInstanceRef ref() {
        return ref;
    }

    /** Length of a simple value as held: in memory or referenced. */
    static long lengthOf(Object value) {
        return value instanceof BulkData bd ? bd.length() : ((byte[]) value).length;
    }

    /** Bytes {@code [offset, offset + length)} of a value held in memory or referenced in the blob. */
    InputStream open(Object value, long offset, long length) throws IOException {
        return switch (value) {
            case BulkData bd -> blobs.get(ref.blobKey(), bd.offset() + offset,
                    Math.max(0, Math.min(length, bd.length() - offset)));
            case byte[] b -> new ByteArrayInputStream(b, (int) Math.min(offset, b.length),
                    (int) Math.max(0, Math.min(length, b.length - offset)));
            default -> throw new IllegalArgumentException("not a simple binary value: " + value.getClass());
        };
    }

    /** The whole of a value held in memory or referenced, read into memory. */
    byte[] readAll(Object value, long offset, int length) throws IOException {
        try (InputStream in = open(value, offset, length)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("stored object " + ref.sopInstanceUid() + " ended " + (length - bytes.length)
                        + " bytes early in a value");
            }
            return bytes;
        }
    }
}
