package org.hrnode.dicom.codec.jpeg;

import javax.imageio.ImageReader;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.ImageIoCodecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.codec.RasterFrames;

/**
 * Lossless JPEG (process 14, SOF3: .57 and .70) decoder over TwelveMonkeys imageio-jpeg, which decodes 2 to
 * 16-bit lossless JPEG bit-exact. There is no maintained Java encoder for lossless JPEG, so HR Node decodes it
 * and never writes it: objects are kept as received or transcoded to JPEG-LS, JPEG 2000 or RLE.
 */
public final class JpegLosslessDecoder implements FrameDecoder {

    private static final String CODEC = "lossless JPEG";
    private static final String TWELVEMONKEYS = "com.twelvemonkeys.imageio.plugins.jpeg.";
    private static final int SOI_FIRST = 0xFF;
    private static final int SOI_SECOND = 0xD8;

    /** Whether TwelveMonkeys' JPEG reader is on the class path (it is a declared dependency; this guards packaging). */
    public static boolean isAvailable() {
        ImageReader reader = ImageIoCodecs.reader("jpeg", TWELVEMONKEYS);
        if (reader == null) {
            return false;
        }
        reader.dispose();
        return true;
    }

    @Override
    public PixelDescription decodedDescription(PixelDescription stored) {
        return stored.withPlanarConfiguration(0);
    }

    @Override
    public boolean startsFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == SOI_FIRST && (head[1] & 0xFF) == SOI_SECOND;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, PixelDescription stored) throws PixelDataException {
        ImageReader reader = ImageIoCodecs.reader("jpeg", TWELVEMONKEYS);
        if (reader == null) {
            throw new PixelDataException("TwelveMonkeys imageio-jpeg is missing from the class path");
        }
        return RasterFrames.toFrame(ImageIoCodecs.readRaster(reader, encodedFrame, CODEC), stored, CODEC);
    }
}
