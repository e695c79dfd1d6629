package org.hrnode.node.compress;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.storage.blob.BlobKeys;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.compression.CompressionQueue;
import org.hrnode.storage.index.StoredObject;

/**
 * Re-encodes one stored uncompressed image losslessly into a new blob: JPEG-LS where CharLS is installed (the
 * better ratio, and fast), JPEG 2000 lossless otherwise. The {@link Transcoder} decodes every encoded frame again
 * and compares it with the original, so a blob is only written when it gives back exactly the pixels received.
 *
 * <p>An object up to {@link #IN_MEMORY_LIMIT} is transcoded in memory (about three times its size while it lasts);
 * a larger native little-endian one is compressed frame by frame: its header read with the Pixel Data left in the
 * blob, each frame a ranged read, encoded, proven and streamed into the new blob ({@link EncapsulatedObjectStream}),
 * so memory stays at about two frames however large the object. The new blob keeps the File Meta Information's
 * Source AE Title; Lossy Image Compression is "00". Elements after Pixel Data (only trailing padding and digital
 * signatures may be there, and a re-encoding invalidates a signature anyway) are not carried by the frame-by-frame
 * path.
 */
final class LosslessCompressor {

    private static final int PREAMBLE_LENGTH = 128;
    /**
     * Objects up to this size are transcoded in memory (about three times their size while it lasts: a 15 MB DR
     * image, a CT slice); larger ones — multi-frame CT, MR or XA, up to gigabytes — frame by frame.
     */
    static final long IN_MEMORY_LIMIT = 16L * 1024 * 1024;
    /** Names the blob in {@link BulkData} references; only this class resolves them. */
    private static final URI STORED_BLOB = URI.create("blob:queued-original");
    private static final int BUFFER = 64 * 1024;

    private final BlobStore blobs;
    private final ReadOptions readOptions;
    private final Transcoder transcoder = Transcoder.standard();

    LosslessCompressor(BlobStore blobs, ReadOptions readOptions) {
        this.blobs = blobs;
        this.readOptions = readOptions;
    }

    /** The lossless syntax uncompressed images are re-encoded in on this machine. */
    static TransferSyntax target() {
        return Codecs.encoderFor(TransferSyntax.JPEG_LS_LOSSLESS).isPresent() ? TransferSyntax.JPEG_LS_LOSSLESS
                : TransferSyntax.JPEG_2000_LOSSLESS;
    }

    /** What a compression produced: the new blob, and the header the index describes it by. */
    record Compressed(StoredObject stored, String metadataJson) {
    }

    /**
     * Writes the compressed rendition of {@code entry}'s blob under a new key; empty when the object has no Pixel
     * Data (nothing to compress). The caller owns the new blob: it deletes it if it cannot be used.
     */
    Optional<Compressed> compress(CompressionQueue.Entry entry) throws IOException, PixelDataException {
        if (entry.size() > IN_MEMORY_LIMIT) {
            Optional<FrameByFrameSource> large = frameByFrame(entry);
            if (large.isPresent()) {
                return Optional.of(compressFrameByFrame(entry, large.get()));
            }
        }
        DicomFile original;
        try (InputStream in = blobs.get(entry.blobKey())) {
            original = new DicomReader(in, readOptions).read();
        } catch (DicomParseException e) {
            throw new IOException("stored object " + entry.blobKey() + " does not parse: " + e.getMessage(), e);
        }
        if (!original.dataset().contains(Tag.PixelData)) {
            return Optional.empty();
        }
        TransferSyntax target = target();
        Dataset encoded = transcoder.transcode(original.dataset(), original.transferSyntax(), target);
        byte[] part10 = part10(original.fileMetaInformation(), encoded, target);
        String key = BlobKeys.forInstance(entry.sopInstanceUid());
        PutResult put = blobs.put(key, new ByteArrayInputStream(part10));
        Dataset header = headerOf(part10);
        return Optional.of(new Compressed(StoredObject.of(key, target.uid(), put), IngestService.metadataJson(header)));
    }

    /** A large object's header, and where its native Pixel Data lies in the blob. */
    private record FrameByFrameSource(Dataset fileMeta, Dataset header, TransferSyntax syntax, BulkData pixelData) {
    }

    /**
     * Reads the header of a large object with its Pixel Data left in the blob as a reference; empty when it cannot
     * be compressed frame by frame (no Pixel Data, big endian, 1-bit, or other large values in the header a copy
     * would need), which the in-memory path then handles.
     */
    private Optional<FrameByFrameSource> frameByFrame(CompressionQueue.Entry entry) throws IOException {
        try (InputStream in = new BufferedInputStream(blobs.get(entry.blobKey()), BUFFER)) {
            DicomReader reader = new DicomReader(in, entry.size(), readOptions.withBulkDataSource(STORED_BLOB));
            DicomReader.Part10Header part10 = reader.readPart10Header();
            Dataset header = reader.readDataset(Tag.PixelData + 1);
            if (!(header.getValue(Tag.PixelData) instanceof BulkData pixels) || part10.transferSyntax().isEncapsulated()
                    || part10.transferSyntax().isBigEndian() || holdsOtherReferences(header)) {
                return Optional.empty();
            }
            header.remove(Tag.PixelData);
            return Optional.of(new FrameByFrameSource(part10.fileMetaInformation(), header,
                    part10.transferSyntax(), pixels));
        } catch (DicomParseException e) {
            throw new IOException("stored object " + entry.blobKey() + " does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Streams the compressed object into the blob store while encoding it, reading each native frame by a ranged
     * read: memory is one native and one encoded frame (and the check decode), whatever the object's size.
     */
    private Compressed compressFrameByFrame(CompressionQueue.Entry entry, FrameByFrameSource source)
            throws IOException, PixelDataException {
        TransferSyntax target = target();
        Transcoder.FrameByFrame encoding = transcoder.frameByFrame(source.header(), source.syntax(), target);
        long needed = encoding.raw().frameLength() * encoding.raw().numberOfFrames();
        if (source.pixelData().length() < needed) {
            throw new PixelDataException("native Pixel Data of " + source.pixelData().length()
                    + " bytes is shorter than " + encoding.raw().numberOfFrames() + " frames of "
                    + encoding.raw().frameLength());
        }
        String key = BlobKeys.forInstance(entry.sopInstanceUid());
        EncapsulatedObjectStream object = new EncapsulatedObjectStream(meta(source.fileMeta(), encoding.header(),
                target), encoding, (number, length) -> nativeFrame(entry, source.pixelData(), number, length));
        PutResult put = blobs.put(key, object);
        return new Compressed(StoredObject.of(key, target.uid(), put), IngestService.metadataJson(encoding.header()));
    }

    private byte[] nativeFrame(CompressionQueue.Entry entry, BulkData pixels, int number, int length)
            throws IOException {
        return blobs.read(entry.blobKey(), pixels.offset() + (long) (number - 1) * length, length);
    }

    /** Whether a value other than Pixel Data was left in the blob: a header copy could not carry it. */
    private static boolean holdsOtherReferences(Dataset dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.tagAt(i) == Tag.PixelData) {
                continue;
            }
            Object value = dataset.valueAt(i);
            if (value instanceof BulkData || value instanceof Sequence sequence && sequence.items().stream()
                    .anyMatch(LosslessCompressor::holdsOtherReferences)) {
                return true;
            }
        }
        return false;
    }

    private Dataset headerOf(byte[] part10) throws IOException {
        try {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(part10), part10.length, readOptions);
            reader.readPart10Header();
            return reader.readDataset(Tag.PixelData);
        } catch (DicomParseException e) {
            throw new IOException("the compressed object does not parse back: " + e.getMessage(), e);
        }
    }

    /** The new object's File Meta Information: its syntax, keeping the Source AE Title of the original's. */
    private static Dataset meta(Dataset originalMeta, Dataset dataset, TransferSyntax ts) {
        Dataset meta = FileMetaInformation.create(dataset.getString(Tag.SOPClassUID),
                dataset.getString(Tag.SOPInstanceUID), ts.uid());
        String sourceAe = originalMeta.getString(Tag.SourceApplicationEntityTitle);
        if (sourceAe != null) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, sourceAe);
        }
        return meta;
    }

    private static byte[] part10(Dataset originalMeta, Dataset dataset, TransferSyntax ts) throws IOException {
        Dataset meta = meta(originalMeta, dataset, ts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            out.write(new byte[PREAMBLE_LENGTH]);
            out.write(new byte[] {'D', 'I', 'C', 'M'});
            writer.writeFileMetaInformation(meta);
            writer.writeDataset(dataset, ts);
        }
        return out.toByteArray();
    }
}
