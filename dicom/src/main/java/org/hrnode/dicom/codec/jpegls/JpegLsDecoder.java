package org.hrnode.dicom.codec.jpegls;

import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;

/**
 * JPEG-LS decoder (lossless .80 and near-lossless .81) over CharLS. The stream's NEAR value is read, not trusted
 * from the transfer syntax: a stream labelled lossless that was coded near-lossless is refused as mislabelled.
 * Decoded frames are interleaved (Planar Configuration 0) whatever the stream's interleave mode.
 */
public final class JpegLsDecoder implements FrameDecoder {

    private static final int MARKER_PREFIX = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;

    private final CharLsLibrary library;
    private final boolean losslessOnly;

    /** @param losslessOnly whether the transfer syntax promises NEAR = 0 (JPEG-LS Lossless, .80) */
    public JpegLsDecoder(CharLsLibrary library, boolean losslessOnly) {
        this.library = library;
        this.losslessOnly = losslessOnly;
    }

    @Override
    public PixelDescription decodedDescription(PixelDescription stored) {
        return stored.withPlanarConfiguration(0);
    }

    @Override
    public boolean startsFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == MARKER_PREFIX && (head[1] & 0xFF) == SOI;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, PixelDescription stored) throws PixelDataException {
        if (!library.isAvailable()) {
            throw new PixelDataException(library.problem());
        }
        CharLs.Decoded decoded = decodeStream(encodedFrame);
        CharLs.StreamInfo info = decoded.info();
        if (losslessOnly && info.nearLossless() != 0) {
            throw new PixelDataException("JPEG-LS stream is near-lossless (NEAR=" + info.nearLossless()
                    + ") but labelled JPEG-LS Lossless: the pixels are not the original ones");
        }
        if (info.width() != stored.columns() || info.height() != stored.rows()
                || info.components() != stored.samplesPerPixel()) {
            throw new PixelDataException("JPEG-LS stream is " + info.width() + "x" + info.height() + "x"
                    + info.components() + ", the Image Pixel module says " + stored.columns() + "x" + stored.rows()
                    + "x" + stored.samplesPerPixel());
        }
        int codecWidth = JpegLsSamples.widthFor(info.bitsPerSample());
        if (codecWidth > stored.bytesPerSample()) {
            throw new PixelDataException("JPEG-LS stream has " + info.bitsPerSample() + " bits a sample, more than "
                    + "Bits Allocated " + stored.bitsAllocated());
        }
        PixelDescription decodedLayout = info.interleaveMode() == CharLs.INTERLEAVE_NONE
                ? stored.withPlanarConfiguration(1) : stored.withPlanarConfiguration(0);
        byte[] frame = JpegLsSamples.fromCodec(decoded.samples(), codecWidth, stored);
        FrameLayout.normalise(frame, stored);
        return FrameLayout.withPlanarConfiguration(frame, decodedLayout, 0);
    }

    /**
     * CharLS from 2.3 on rejects zero bytes between the entropy-coded data and EOI, which older encoders wrote
     * (WG04's MR1_JLSL ends {@code 00 FF D9}; reported upstream as team-charls/charls#365). Such a stream is
     * decoded again without them. This cannot change pixels: the zeros lie after the last coded bit, and a
     * stream that needed them fails to decode rather than decoding differently.
     */
    private CharLs.Decoded decodeStream(byte[] stream) throws PixelDataException {
        try {
            return library.charLs().decode(stream);
        } catch (CharLsException e) {
            byte[] trimmed = e.errorCode() == CharLs.ERRC_MARKER_START_BYTE_NOT_FOUND ? withoutZerosBeforeEoi(stream)
                    : null;
            if (trimmed != null) {
                try {
                    return library.charLs().decode(trimmed);
                } catch (CharLsException retry) {
                    e.addSuppressed(retry);
                }
            }
            throw new PixelDataException("JPEG-LS frame cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The stream without the zero bytes just before its last EOI marker, or null if there are none. */
    private static byte[] withoutZerosBeforeEoi(byte[] stream) {
        int eoi = stream.length - 2;
        while (eoi >= 0 && !((stream[eoi] & 0xFF) == MARKER_PREFIX && (stream[eoi + 1] & 0xFF) == EOI)) {
            eoi--;
        }
        int dataEnd = eoi;
        while (dataEnd > 0 && stream[dataEnd - 1] == 0) {
            dataEnd--;
        }
        if (eoi < 0 || dataEnd == eoi) {
            return null;
        }
        byte[] trimmed = new byte[stream.length - (eoi - dataEnd)];
        System.arraycopy(stream, 0, trimmed, 0, dataEnd);
        System.arraycopy(stream, eoi, trimmed, dataEnd, stream.length - eoi);
        return trimmed;
    }
}
