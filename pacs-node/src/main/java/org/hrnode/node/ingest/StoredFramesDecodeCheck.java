package org.hrnode.node.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.blob.BlobStore;

/**
 * Proves that a lossless compressed object just stored gives back its pixels: every frame is decoded, read back from
 * the blob (not from the arriving stream, which is already in the store).
 *
 * <p>Memory is one frame at a time. A single-frame object is read in one pass, its fragments (that one frame) in
 * memory. A multi-frame object — an enhanced CT or an XA run can be gigabytes — is read once with its fragments left
 * in the blob as references, then frame by frame with ranged reads: which fragments make each frame comes from
 * their lengths and the offset table ({@link EncapsulatedFrames#frameRanges}), each frame is decoded and dropped
 * before the next is read.
 */
final class StoredFramesDecodeCheck {

    /** Names the blob in {@link BulkData} references; only this class resolves them. */
    private static final URI STORED_BLOB = URI.create("blob:just-stored");
    private static final int BUFFER = 64 * 1024;

    private final BlobStore blobs;
    private final ReadOptions readOptions;

    StoredFramesDecodeCheck(BlobStore blobs, ReadOptions readOptions) {
        this.blobs = blobs;
        this.readOptions = readOptions;
    }

    /**
     * Decodes every frame of the object under {@code key}.
     *
     * @return false when this machine has no decoder for {@code ts} (nothing proven); true when every frame decoded
     *     or there are no compressed pixels
     * @throws PixelDataException a frame does not decode, or the fragments do not make the frames the header says
     */
    boolean decodesEveryFrame(String key, long size, TransferSyntax ts)
            throws IOException, DicomParseException, PixelDataException {
        return decodesEveryFrame(key, size, ts, Optional.empty());
    }

    /**
     * {@link #decodesEveryFrame(String, long, TransferSyntax)}, reading {@code wholeObject} (the same bytes, still in
     * memory from the upload: a small object) instead of the blob when it is given, so a compressed CT slice is not
     * read back from the store (a second GET on S3).
     */
    boolean decodesEveryFrame(String key, long size, TransferSyntax ts, Optional<InputStream> wholeObject)
            throws IOException, DicomParseException, PixelDataException {
        if (!ts.isEncapsulated()) {
            return true;
        }
        Optional<FrameDecoder> decoder = Codecs.decoderFor(ts);
        if (decoder.isEmpty()) {
            return false;
        }
        PixelDescription description;
        try (InputStream in = wholeObject.isPresent() ? wholeObject.get() : blobs.get(key)) {
            DicomReader reader = new DicomReader(in, size, readOptions);
            reader.readPart10Header();
            Dataset header = reader.readDataset(Tag.PixelData);
            if (!reader.stoppedBeforeTag()) {
                return true;
            }
            Fragments fragments = reader.readDataset(Tag.PixelData + 1).getFragments(Tag.PixelData);
            if (fragments == null) {
                return true;
            }
            description = PixelDescription.of(header);
            if (description.numberOfFrames() == 1 || wholeObject.isPresent()) {
                // one frame, or a small object already in memory: its frames are decoded from what was read
                for (byte[] frame : EncapsulatedFrames.split(fragments, description.numberOfFrames(),
                        decoder.get())) {
                    decoder.get().decode(frame, description);
                }
                return true;
            }
        }
        decodeFrameByFrame(key, size, description, decoder.get());
        return true;
    }

    private void decodeFrameByFrame(String key, long size, PixelDescription description, FrameDecoder decoder)
            throws IOException, DicomParseException, PixelDataException {
        Dataset dataset;
        try (InputStream in = new BufferedInputStream(blobs.get(key), BUFFER)) {
            // every fragment a reference, however small: a thousand 60 KB fragments must not end up in memory either
            DicomReader reader = new DicomReader(in, size,
                    readOptions.withBulkDataSource(STORED_BLOB).withBulkDataThreshold(0));
            reader.readPart10Header();
            dataset = reader.readDataset(Tag.PixelData + 1);
        }
        Fragments fragments = dataset.getFragments(Tag.PixelData);
        List<Object> items = fragments.items();
        if (items.isEmpty()) {
            throw new PixelDataException("encapsulated Pixel Data has no Basic Offset Table item");
        }
        List<Object> data = items.subList(1, items.size());
        long[] lengths = IntStream.range(1, items.size()).mapToLong(fragments::lengthOf).toArray();
        byte[] offsetTable = read(key, items.getFirst(), fragments.lengthOf(0));
        List<EncapsulatedFrames.FragmentRange> frames = EncapsulatedFrames.frameRanges(offsetTable, lengths,
                description.numberOfFrames(), (f, n) -> read(key, data.get(f), Math.min(n, lengths[f])), decoder);
        for (EncapsulatedFrames.FragmentRange frame : frames) {
            decoder.decode(EncapsulatedFrames.join(frame, lengths, f -> read(key, data.get(f), lengths[f])),
                    description);
        }
    }

    /** The first {@code length} bytes of a fragment held in memory or referenced in the blob. */
    private byte[] read(String key, Object value, long length) throws IOException {
        if (value instanceof byte[] bytes) {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, (int) length);
        }
        return blobs.read(key, ((BulkData) value).offset(), Math.toIntExact(length));
    }
}
