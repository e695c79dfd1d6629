package org.hrnode.aiqc.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.hrnode.aiqc.check.DecodedFrame;
import org.hrnode.aiqc.check.InstanceInput.LoadedPixels;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.EncapsulatedFrames.FragmentRange;
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

/**
 * A multi-frame stored object loaded for judging without its Pixel Data: the header is parsed with large values
 * left in the object as {@link BulkData} offsets, and the frame the engines judge (the middle one) is read with
 * ranged reads — one for a native frame, its fragments for a compressed one — so a 200-frame CT object costs one
 * frame of memory, not 105 MB. Objects this cannot locate frames in without reading them whole (deflated, bit-packed
 * or big-endian native, fragments that do not group into Number of Frames) are left to the whole-object read, so
 * what is judged and how it fails stay the same.
 */
final class FramesInPlace {

    /** Names the stored object in BulkData references; only this class resolves them. */
    private static final URI OBJECT = URI.create("qc:stored-object");

    /**
     * Values at least this long stay in the object. Below the reader's 64 KiB default because a compressed CT or MR
     * frame is often 30-70 KiB: at the default its fragments would all be read into memory with the header.
     */
    private static final long IN_PLACE_FROM = 16 * 1024;

    private FramesInPlace() {
    }

    /** The object with its judged frame read, or null when it must be read whole. */
    static LoadedPixels load(StoredObjectSource source) throws IOException {
        Dataset dataset;
        TransferSyntax ts;
        try (InputStream in = source.open()) {
            DicomReader reader = new DicomReader(in, ReadOptions.defaults().withBulkDataSource(OBJECT)
                    .withBulkDataThreshold(IN_PLACE_FROM));
            ts = reader.readPart10Header().transferSyntax();
            if (ts.isDeflated()) {
                return null;
            }
            dataset = reader.readDataset(-1);
        } catch (DicomParseException e) {
            return null;
        }
        PixelDescription description;
        try {
            description = PixelDescription.of(dataset);
        } catch (PixelDataException e) {
            return null;
        }
        Reads reads = new Reads(source);
        Object pixelData = dataset.getValue(Tag.PixelData);
        DecodedFrame.StoredFrames frames;
        try {
            frames = switch (pixelData) {
                case Fragments fragments when ts.isEncapsulated() -> encapsulated(fragments, description, ts, reads);
                case BulkData bulk when !ts.isEncapsulated() -> nativeFrames(bulk, description, dataset, reads);
                case null, default -> null;
            };
        } catch (PixelDataException e) {
            return null;
        }
        if (frames == null) {
            return null;
        }
        // The judged frame is read now, so a storage failure is a failed load, not an undecodable image.
        int judged = description.numberOfFrames() / 2;
        byte[] first;
        try {
            first = frames.stored(judged);
        } catch (PixelDataException e) {
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        DecodedFrame.StoredFrames prefetched = i -> i == judged ? first : frames.stored(i);
        return new LoadedPixels(dataset, ts, new DecodedFrame(dataset, ts, prefetched));
    }

    private static DecodedFrame.StoredFrames nativeFrames(BulkData bulk, PixelDescription d, Dataset dataset,
            Reads reads) {
        long frameLength = d.frameLength();
        if (d.bitsAllocated() < Byte.SIZE || (long) d.samplesPerFrame() * d.bitsAllocated() % Byte.SIZE != 0
                || dataset.isBigEndian() || bulk.length() < frameLength * d.numberOfFrames()) {
            return null;
        }
        return i -> reads.bytes(bulk.offset() + i * frameLength, frameLength);
    }

    private static DecodedFrame.StoredFrames encapsulated(Fragments fragments, PixelDescription d, TransferSyntax ts,
            Reads reads) throws PixelDataException {
        if (!Codecs.decoderFor(ts).isPresent()) {
            return null;
        }
        List<Object> items = fragments.items();
        if (items.isEmpty()) {
            return null;
        }
        List<Object> data = items.subList(1, items.size());
        long[] lengths = new long[data.size()];
        for (int f = 0; f < lengths.length; f++) {
            lengths[f] = fragments.lengthOf(f + 1);
        }
        List<FragmentRange> ranges;
        try {
            ranges = EncapsulatedFrames.frameRanges(reads.item(items.getFirst(), Long.MAX_VALUE), lengths,
                    d.numberOfFrames(), (f, length) -> reads.item(data.get(f), length),
                    Codecs.registry().requireDecoder(ts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return i -> {
            try {
                return EncapsulatedFrames.join(ranges.get(i), lengths, f -> reads.item(data.get(f), Long.MAX_VALUE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Ranged reads of the stored object; a failure is a storage problem, thrown unchecked through the decoders. */
    private record Reads(StoredObjectSource source) {

        byte[] item(Object item, long max) {
            return switch (item) {
                case byte[] b -> Arrays.copyOf(b, (int) Math.min(b.length, max));
                case BulkData bd -> bytes(bd.offset(), Math.min(bd.length(), max));
                default -> throw new IllegalStateException("not a fragment: " + item.getClass());
            };
        }

        byte[] bytes(long offset, long length) {
            try (InputStream in = source.open(offset, length)) {
                byte[] bytes = in.readNBytes(Math.toIntExact(length));
                if (bytes.length != length) {
                    throw new IOException("the stored object ended " + (length - bytes.length) + " bytes early");
                }
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
