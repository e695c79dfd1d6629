package org.hrnode.wado.render;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.ImageIoCodecs;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.codec.RasterFrames;

/**
 * Decodes lossy JPEG frames (baseline .50, extended 12-bit .51) for display only, with TwelveMonkeys' JPEG reader
 * (already on the class path for lossless JPEG). The dicom module's registry has no lossy decoders on purpose: the
 * archive never transcodes from them. A node run with {@code --lossy-images accept} stores such images, and a
 * viewer still wants to see them. Colour frames come back as RGB (the reader undoes the YCbCr transform and the
 * chroma subsampling), grey ones as stored. Only 8-bit precision: the reader hands the DCT processes to the JDK's
 * decoder, which has no 12-bit (process 4) support, and no maintained Java library has.
 */
final class LossyJpegDecoder implements FrameDecoder {

    private static final String CODEC = "lossy JPEG";
    private static final String TWELVEMONKEYS = "com.twelvemonkeys.imageio.plugins.jpeg.";
    private static final int SOI_FIRST = 0xFF;
    private static final int SOI_SECOND = 0xD8;
    private static final int COLOUR_SAMPLES = 3;

    @Override
    public PixelDescription decodedDescription(PixelDescription stored) {
        PixelDescription interleaved = stored.withPlanarConfiguration(0);
        return stored.samplesPerPixel() == COLOUR_SAMPLES
                ? interleaved.withPhotometricInterpretation(Photometric.RGB) : interleaved;
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
        if (stored.bitsStored() > Byte.SIZE) {
            reader.dispose();
            throw new PixelDataException("12-bit lossy JPEG (process 4) is not decoded here; only 8-bit lossy JPEG");
        }
        PixelDescription decoded = decodedDescription(stored);
        if (stored.samplesPerPixel() != COLOUR_SAMPLES) {
            return RasterFrames.toFrame(ImageIoCodecs.readRaster(reader, encodedFrame, CODEC), decoded, CODEC);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encodedFrame))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            Raster rgb = image.getRaster();
            return RasterFrames.toFrame(rgb, decoded, CODEC);
        } catch (IOException | RuntimeException e) {
            throw new PixelDataException(CODEC + " frame cannot be decoded: " + e, e);
        } finally {
            reader.dispose();
        }
    }
}
