package org.hrnode.dicom.codec.j2k;

import javax.imageio.ImageReader;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.ImageIoCodecs;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.codec.RasterFrames;

/**
 * JPEG 2000 (.90 lossless and .91) decoder over jai-imageio-jpeg2000, which reads raw codestreams (and JP2
 * files) including signed 16-bit bit-exact. It undoes the reversible or irreversible colour transform, so
 * YBR_RCT and YBR_ICT frames come back as RGB. For JPEG 2000 Lossless Only the codestream must say so too
 * (5/3 reversible wavelet): an irreversible stream under that label is refused as mislabelled.
 */
public final class Jpeg2000Decoder implements FrameDecoder {

    static final String CODEC = "JPEG 2000";
    private static final String JAI = "com.github.jaiimageio.jpeg2000.";
    private static final String FORMAT = "jpeg2000";
    /** SOC then SIZ: every codestream starts so (ISO 15444-1 §A.3). */
    private static final int[] CODESTREAM_START = {0xFF, 0x4F, 0xFF, 0x51};

    private final boolean losslessOnly;

    /** @param losslessOnly whether the transfer syntax promises reversible coding (.90) */
    public Jpeg2000Decoder(boolean losslessOnly) {
        this.losslessOnly = losslessOnly;
    }

    public static boolean isAvailable() {
        ImageReader reader = ImageIoCodecs.reader(FORMAT, JAI);
        if (reader == null) {
            return false;
        }
        reader.dispose();
        return true;
    }

    @Override
    public PixelDescription decodedDescription(PixelDescription stored) {
        PixelDescription interleaved = stored.withPlanarConfiguration(0);
        return Photometric.isJpeg2000ColourTransform(stored.photometricInterpretation())
                ? interleaved.withPhotometricInterpretation(Photometric.RGB) : interleaved;
    }

    @Override
    public boolean startsFrame(byte[] head) {
        if (head.length < CODESTREAM_START.length) {
            return false;
        }
        for (int i = 0; i < CODESTREAM_START.length; i++) {
            if ((head[i] & 0xFF) != CODESTREAM_START[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, PixelDescription stored) throws PixelDataException {
        if (losslessOnly && !Jpeg2000Codestream.isReversible(encodedFrame)) {
            throw new PixelDataException("JPEG 2000 codestream uses the irreversible 9/7 wavelet but is labelled "
                    + "JPEG 2000 Lossless Only: the pixels are not the original ones");
        }
        ImageReader reader = ImageIoCodecs.reader(FORMAT, JAI);
        if (reader == null) {
            throw new PixelDataException("jai-imageio-jpeg2000 is missing from the class path");
        }
        return RasterFrames.toFrame(ImageIoCodecs.readRaster(reader, encodedFrame, CODEC),
                decodedDescription(stored), CODEC);
    }
}
