package org.hrnode.wado.render;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * One frame of an object, decoded with the dicom module's codecs into the uncompressed layout: little endian,
 * interleaved samples, bits above High Bit as the codecs normalise them.
 *
 * @param description what the samples are (after decoding: a JPEG 2000 colour image is RGB)
 * @param samples     {@link PixelDescription#frameLength()} bytes
 */
record DecodedFrame(PixelDescription description, byte[] samples) {

    /** Decoded for display by {@link LossyJpegDecoder}; the codec registry decodes only what it may transcode. */
    private static final Set<TransferSyntax> LOSSY_JPEG = Set.of(TransferSyntax.JPEG_BASELINE_8BIT,
            TransferSyntax.JPEG_EXTENDED_12BIT);

    /** Frame {@code frameNumber} (1-based) of {@code dataset}, whose Pixel Data is in {@code syntax}. */
    static DecodedFrame of(Dataset dataset, TransferSyntax syntax, int frameNumber) throws NotRenderableException {
        if (!dataset.contains(Tag.PixelData)) {
            throw noPixelData();
        }
        PixelDescription stored = describe(dataset, frameNumber);
        try {
            byte[] frame = syntax.isEncapsulated() ? encodedFrame(dataset, syntax, stored, frameNumber)
                    : nativeFrame(dataset, stored, frameNumber);
            return decode(stored, syntax, frame);
        } catch (PixelDataException e) {
            throw new NotRenderableException("frame " + frameNumber + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * A frame read on its own ({@link StoredFrameReader}): {@code header} describes it, {@code frame} holds its
     * compressed bytes or its native little-endian samples; null when the object has no Pixel Data.
     */
    static DecodedFrame of(Dataset header, TransferSyntax syntax, int frameNumber, byte[] frame)
            throws NotRenderableException {
        if (frame == null) {
            throw noPixelData();
        }
        PixelDescription stored = describe(header, frameNumber);
        try {
            return decode(stored, syntax, frame);
        } catch (PixelDataException e) {
            throw new NotRenderableException("frame " + frameNumber + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The decoder for an encapsulated syntax: the codec registry's, or for lossy JPEG the display-only one. */
    static FrameDecoder decoderFor(TransferSyntax syntax) throws NotRenderableException {
        FrameDecoder decoder = Codecs.decoderFor(syntax).orElse(null);
        if (decoder == null && LOSSY_JPEG.contains(syntax)) {
            decoder = new LossyJpegDecoder();
        }
        if (decoder == null) {
            throw new NotRenderableException("images in " + syntax.name() + " cannot be decoded here: "
                    + Codecs.unavailableReason(syntax), false);
        }
        return decoder;
    }

    private static NotRenderableException noPixelData() {
        return new NotRenderableException("the object has no Pixel Data, so there is no image to render", false);
    }

    private static PixelDescription describe(Dataset dataset, int frameNumber) throws NotRenderableException {
        PixelDescription stored;
        try {
            stored = PixelDescription.of(dataset);
        } catch (PixelDataException e) {
            throw new NotRenderableException(e.getMessage(), e);
        }
        if (frameNumber > stored.numberOfFrames()) {
            throw new NotRenderableException("frame " + frameNumber + " asked for, the object has "
                    + stored.numberOfFrames(), true);
        }
        if (stored.bitsAllocated() < Byte.SIZE) {
            throw new NotRenderableException("1-bit (bitmap) pixel data is not rendered", false);
        }
        return stored;
    }

    private static DecodedFrame decode(PixelDescription stored, TransferSyntax syntax, byte[] frame)
            throws PixelDataException, NotRenderableException {
        DecodedFrame decoded;
        if (syntax.isEncapsulated()) {
            FrameDecoder decoder = decoderFor(syntax);
            decoded = new DecodedFrame(decoder.decodedDescription(stored), decoder.decode(frame, stored));
        } else if (Photometric.YBR_FULL_422.equals(stored.photometricInterpretation())) {
            decoded = new DecodedFrame(stored.withPhotometricInterpretation(Photometric.YBR_FULL)
                    .withPlanarConfiguration(0), upsample422(frame, stored));
        } else {
            FrameLayout.normalise(frame, stored);
            decoded = new DecodedFrame(stored, frame);
        }
        return decoded.interleaved();
    }

    private static byte[] encodedFrame(Dataset dataset, TransferSyntax syntax, PixelDescription stored,
            int frameNumber) throws PixelDataException, NotRenderableException {
        Fragments fragments = dataset.getFragments(Tag.PixelData);
        if (fragments == null) {
            throw new PixelDataException("Pixel Data in " + syntax.name() + " is not encapsulated");
        }
        List<byte[]> frames = EncapsulatedFrames.split(fragments, stored.numberOfFrames(), decoderFor(syntax));
        return frames.get(frameNumber - 1);
    }

    /** The frame's native samples, little endian. */
    private static byte[] nativeFrame(Dataset dataset, PixelDescription stored, int frameNumber)
            throws PixelDataException {
        long frameLength = nativeFrameLength(stored);
        byte[] frame = slice(dataset.getValue(Tag.PixelData), frameLength * (frameNumber - 1),
                Math.toIntExact(frameLength));
        if (dataset.isBigEndian() && dataset.vrOf(Tag.PixelData) != VR.OB) {
            swap(frame, stored.bytesPerSample());
        }
        return frame;
    }

    /** Native YBR_FULL_422 keeps two luminance samples per chrominance pair (PS3.3 §C.7.6.3.1.2): 2/3 the size. */
    static long nativeFrameLength(PixelDescription stored) {
        return Photometric.YBR_FULL_422.equals(stored.photometricInterpretation()) ? stored.frameLength() * 2 / 3
                : stored.frameLength();
    }

    private static byte[] slice(Object value, long offset, int length) throws PixelDataException {
        try {
            return switch (value) {
                case byte[] bytes when offset + length <= bytes.length -> {
                    byte[] frame = new byte[length];
                    System.arraycopy(bytes, Math.toIntExact(offset), frame, 0, length);
                    yield frame;
                }
                case BulkData bulk when offset + length <= bulk.length() ->
                    new BulkData(bulk.uri(), bulk.offset() + offset, length).readAll();
                case byte[] ignored -> throw new PixelDataException("native Pixel Data is too short for the frame");
                case BulkData ignored -> throw new PixelDataException("native Pixel Data is too short for the frame");
                default -> throw new PixelDataException("Pixel Data is neither native bytes nor bulk data");
            };
        } catch (IOException e) {
            throw new PixelDataException("cannot read Pixel Data: " + e.getMessage(), e);
        }
    }

    /** Byte-swaps each sample of {@code width} bytes in place (big endian → little endian). */
    static void swap(byte[] frame, int width) {
        for (int i = 0; i + width <= frame.length; i += width) {
            for (int b = 0; b < width / 2; b++) {
                byte t = frame[i + b];
                frame[i + b] = frame[i + width - 1 - b];
                frame[i + width - 1 - b] = t;
            }
        }
    }

    /** Y1 Y2 Cb Cr (8-bit) → Y1 Cb Cr Y2 Cb Cr. */
    private static byte[] upsample422(byte[] frame, PixelDescription stored) throws PixelDataException {
        if (stored.bytesPerSample() != 1 || stored.columns() % 2 != 0) {
            throw new PixelDataException("native YBR_FULL_422 is rendered for 8-bit samples and even widths only");
        }
        byte[] full = new byte[Math.toIntExact(stored.frameLength())];
        for (int in = 0, out = 0; in + 4 <= frame.length; in += 4, out += 6) {
            full[out] = frame[in];
            full[out + 1] = frame[in + 2];
            full[out + 2] = frame[in + 3];
            full[out + 3] = frame[in + 1];
            full[out + 4] = frame[in + 2];
            full[out + 5] = frame[in + 3];
        }
        return full;
    }

    private DecodedFrame interleaved() {
        if (description.planarConfiguration() == 0) {
            return this;
        }
        return new DecodedFrame(description.withPlanarConfiguration(0),
                FrameLayout.withPlanarConfiguration(samples, description, 0));
    }
}
