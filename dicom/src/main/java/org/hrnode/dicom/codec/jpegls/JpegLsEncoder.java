package org.hrnode.dicom.codec.jpegls;

import org.hrnode.dicom.codec.FrameEncoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * JPEG-LS Lossless (.80) encoder over CharLS: NEAR = 0 always (there is no parameter to ask for more), colour
 * sample-interleaved and labelled Planar Configuration 0 as CP-1843 requires, precision = Bits Stored.
 *
 * <p>JPEG-LS codes only the stored bits. A frame with other content above High Bit (overlay bits, junk) would
 * lose it, so such a frame is refused rather than silently changed.
 */
public final class JpegLsEncoder implements FrameEncoder {

    private static final String NAME = "JPEG-LS";
    /** JPEG-LS (ISO 14495-1) codes 2 to 16 bits a sample. */
    private static final int MIN_BITS = 2;
    private static final int MAX_BITS = 16;

    private final CharLsLibrary library;

    public JpegLsEncoder(CharLsLibrary library) {
        this.library = library;
    }

    @Override
    public TransferSyntax transferSyntax() {
        return TransferSyntax.JPEG_LS_LOSSLESS;
    }

    @Override
    public PixelDescription encodedDescription(PixelDescription raw) throws PixelDataException {
        raw.requireCodecLayout(NAME, MAX_BITS);
        if (raw.bitsStored() < MIN_BITS) {
            throw new PixelDataException(NAME + " codes at least 2 bits a sample, the image has " + raw.bitsStored());
        }
        return raw.withPlanarConfiguration(0);
    }

    @Override
    public byte[] encode(byte[] rawFrame, PixelDescription raw) throws PixelDataException {
        encodedDescription(raw);
        if (!library.isAvailable()) {
            throw new PixelDataException(library.problem());
        }
        if (!FrameLayout.isNormalised(rawFrame, raw)) {
            throw new PixelDataException(NAME + " would drop bits set above High Bit " + raw.highBit()
                    + " (overlay or junk); store uncompressed or as RLE instead");
        }
        byte[] interleaved = FrameLayout.withPlanarConfiguration(rawFrame, raw, 0);
        byte[] samples = JpegLsSamples.toCodec(interleaved, raw);
        try {
            return library.charLs().encodeLossless(samples, raw.columns(), raw.rows(), raw.bitsStored(),
                    raw.samplesPerPixel());
        } catch (CharLsException e) {
            throw new PixelDataException(NAME + " encoding failed: " + e.getMessage(), e);
        }
    }
}
