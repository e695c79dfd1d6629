package org.hrnode.dicom.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * Re-encodes a dataset's pixel data from one transfer syntax to another: decode every frame (native frames are
 * read as they are), then encode them for the target (or lay them out natively). The source is not changed.
 *
 * <p>Every encoding is proven: each encoded frame is decoded again and compared with the frame that went in, and
 * any difference is a {@link PixelDataException} — a lossless archive must never store a frame it cannot give
 * back. The result is little endian whatever the source was. Photometric Interpretation and Planar Configuration follow the target's rules, and Lossy Image Compression
 * (0028,2110) says "01" once any step was lossy (it never goes back to "00") and "00" otherwise.
 */
public final class Transcoder {

    private static final String LOSSLESS = "00";
    private static final String LOSSY = "01";

    private final CodecRegistry codecs;

    public Transcoder(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    /** A transcoder over the process-wide {@link Codecs#registry()}. */
    public static Transcoder standard() {
        return new Transcoder(Codecs.registry());
    }

    /** A copy of {@code source} (encoded in {@code from}) with its pixel data in {@code to}. */
    public Dataset transcode(Dataset source, TransferSyntax from, TransferSyntax to) throws PixelDataException {
        if (!source.contains(Tag.PixelData) || from.equals(to)) {
            return DatasetCopy.of(source);
        }
        Dataset target = DatasetCopy.littleEndianWithoutPixelData(source);
        FrameEncoder encoder = to.isEncapsulated() ? codecs.requireEncoder(to) : null;
        PixelDescription stored = PixelDescription.of(source);
        PixelDescription raw = stored;
        List<byte[]> frames;
        if (from.isEncapsulated()) {
            FrameDecoder decoder = codecs.requireDecoder(from);
            raw = decoder.decodedDescription(stored);
            frames = decodeAll(source, stored, decoder);
        } else {
            frames = NativeFrames.read(source, stored);
        }
        if (encoder == null) {
            NativeFrames.write(target, frames, raw);
            raw.applyTo(target);
        } else {
            PixelDescription encoded = encoder.encodedDescription(raw);
            target.set(Tag.PixelData, VR.OB, EncapsulatedFrames.build(encodeAll(frames, raw, encoded, encoder)));
            encoded.applyTo(target);
        }
        target.remove(Tag.ExtendedOffsetTable);
        target.remove(Tag.ExtendedOffsetTableLengths);
        markLossyCompression(source, target, from.isLossless());
        return target;
    }

    private static List<byte[]> decodeAll(Dataset source, PixelDescription stored, FrameDecoder decoder)
            throws PixelDataException {
        if (source.getFragments(Tag.PixelData) == null) {
            throw new PixelDataException("Pixel Data in an encapsulated transfer syntax is not encapsulated");
        }
        List<byte[]> encoded = EncapsulatedFrames.split(source.getFragments(Tag.PixelData),
                stored.numberOfFrames(), decoder);
        List<byte[]> frames = new ArrayList<>(encoded.size());
        for (byte[] frame : encoded) {
            frames.add(decoder.decode(frame, stored));
        }
        return frames;
    }

    private List<byte[]> encodeAll(List<byte[]> frames, PixelDescription raw, PixelDescription encoded,
                                   FrameEncoder encoder) throws PixelDataException {
        ProvenEncoder proven = new ProvenEncoder(encoder, codecs.requireDecoder(encoder.transferSyntax()), raw,
                encoded);
        List<byte[]> out = new ArrayList<>(frames.size());
        for (int f = 0; f < frames.size(); f++) {
            out.add(proven.encode(f + 1, frames.get(f)));
        }
        return out;
    }

    /**
     * Native frames encoded one at a time, for objects too large to transcode whole: {@code source} is the header
     * (its Pixel Data, if present, is not read), the result says what the encoded object's header is and encodes
     * each native little-endian frame, proven like {@link #transcode}'s. The caller lays out the fragments (one per
     * frame) and reads each frame itself, so only one frame is in memory at a time.
     *
     * @throws PixelDataException the source is not native little endian with whole-byte samples, or the target
     *     syntax cannot hold such pixels
     */
    public FrameByFrame frameByFrame(Dataset source, TransferSyntax from, TransferSyntax to)
            throws PixelDataException {
        if (from.isEncapsulated() || from.isBigEndian() || source.isBigEndian() || !to.isEncapsulated()) {
            throw new PixelDataException("frame-by-frame encoding takes native little-endian pixels to an"
                    + " encapsulated syntax, not " + from.name() + " to " + to.name());
        }
        PixelDescription raw = PixelDescription.of(source);
        if (raw.bitsAllocated() < Byte.SIZE) {
            throw new PixelDataException("1-bit pixel data is packed across frames and is not transcoded");
        }
        FrameEncoder encoder = codecs.requireEncoder(to);
        PixelDescription encoded = encoder.encodedDescription(raw);
        Dataset header = DatasetCopy.littleEndianWithoutPixelData(source);
        encoded.applyTo(header);
        header.remove(Tag.ExtendedOffsetTable);
        header.remove(Tag.ExtendedOffsetTableLengths);
        markLossyCompression(source, header, from.isLossless());
        return new FrameByFrame(header, raw,
                new ProvenEncoder(encoder, codecs.requireDecoder(to), raw, encoded));
    }

    /**
     * What {@link #frameByFrame} gives.
     *
     * @param header the encoded object's data set without Pixel Data
     * @param raw    the native frames' layout: each frame is {@link PixelDescription#frameLength()} bytes
     */
    public record FrameByFrame(Dataset header, PixelDescription raw, ProvenEncoder encoder) {
    }

    /** Encodes a frame and decodes it again; a frame that does not come back identical is refused. */
    public static final class ProvenEncoder {
        private final FrameEncoder encoder;
        private final FrameDecoder check;
        private final PixelDescription raw;
        private final PixelDescription encoded;
        private final PixelDescription decodedLayout;

        ProvenEncoder(FrameEncoder encoder, FrameDecoder check, PixelDescription raw, PixelDescription encoded)
                throws PixelDataException {
            this.encoder = encoder;
            this.check = check;
            this.raw = raw;
            this.encoded = encoded;
            this.decodedLayout = check.decodedDescription(encoded);
        }

        /** The encoding of native frame {@code number} (from 1), laid out as {@code raw} says. */
        public byte[] encode(int number, byte[] frame) throws PixelDataException {
            byte[] compressed = encoder.encode(frame, raw);
            byte[] expected = FrameLayout.withPlanarConfiguration(frame, raw, decodedLayout.planarConfiguration());
            if (!Arrays.equals(check.decode(compressed, encoded), expected)) {
                throw new PixelDataException(encoder.transferSyntax().name() + " encoding of frame " + number
                        + " does not decode to the original pixels; nothing was stored in that syntax");
            }
            return compressed;
        }
    }

    private static void markLossyCompression(Dataset source, Dataset target, boolean losslessSource) {
        boolean wasLossy = LOSSY.equals(source.getString(Tag.LossyImageCompression));
        if (wasLossy || !losslessSource) {
            target.setString(Tag.LossyImageCompression, VR.CS, LOSSY);
        } else {
            target.setString(Tag.LossyImageCompression, VR.CS, LOSSLESS);
        }
    }
}
