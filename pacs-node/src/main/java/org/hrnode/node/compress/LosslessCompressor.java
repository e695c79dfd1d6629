package org.hrnode.node.compress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
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
 * <p>The object is read into memory (the transcoder works on whole data sets): the worker runs one at a time, so
 * the cost is bounded by the largest object, about three times its size. The new blob keeps the File Meta
 * Information's Source AE Title; Lossy Image Compression is "00".
 */
final class LosslessCompressor {

    private static final int PREAMBLE_LENGTH = 128;

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

    private Dataset headerOf(byte[] part10) throws IOException {
        try {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(part10), part10.length, readOptions);
            reader.readPart10Header();
            return reader.readDataset(Tag.PixelData);
        } catch (DicomParseException e) {
            throw new IOException("the compressed object does not parse back: " + e.getMessage(), e);
        }
    }

    private static byte[] part10(Dataset originalMeta, Dataset dataset, TransferSyntax ts) throws IOException {
        Dataset meta = FileMetaInformation.create(dataset.getString(Tag.SOPClassUID),
                dataset.getString(Tag.SOPInstanceUID), ts.uid());
        String sourceAe = originalMeta.getString(Tag.SourceApplicationEntityTitle);
        if (sourceAe != null) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, sourceAe);
        }
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
