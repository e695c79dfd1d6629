package org.hrnode.dicom.codec;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Between DICOM frames and {@code java.awt.image} rasters, the currency of the Image I/O codecs (TwelveMonkeys,
 * jai-imageio). Samples travel as ints, so signedness rides on the raster's data type: unsigned byte or ushort for
 * Pixel Representation 0, short for 1.
 */
public final class RasterFrames {

    private static final int BYTE_MAX_BITS = 8;
    private static final int SHORT_MAX_BITS = 16;

    private RasterFrames() {
    }

    /**
     * The raster's samples as an interleaved frame of {@code description}'s layout, bits above High Bit normalised.
     * The raster must match the frame's size and number of samples.
     */
    public static byte[] toFrame(Raster raster, PixelDescription description, String codec)
            throws PixelDataException {
        int columns = description.columns();
        int rows = description.rows();
        int samples = description.samplesPerPixel();
        if (raster.getWidth() != columns || raster.getHeight() != rows || raster.getNumBands() != samples) {
            throw new PixelDataException(codec + " stream is " + raster.getWidth() + "x" + raster.getHeight() + "x"
                    + raster.getNumBands() + ", the Image Pixel module says " + columns + "x" + rows + "x" + samples);
        }
        int width = description.bytesPerSample();
        byte[] frame = new byte[Math.toIntExact(description.frameLength())];
        int[] line = new int[columns];
        for (int y = 0; y < rows; y++) {
            for (int band = 0; band < samples; band++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, columns, 1, band, line);
                for (int x = 0; x < columns; x++) {
                    int index = (y * columns + x) * samples + band;
                    FrameLayout.writeLittleEndian(frame, index * width, width, line[x]);
                }
            }
        }
        FrameLayout.normalise(frame, description);
        return frame;
    }

    /**
     * An image holding an interleaved, normalised frame whose colour model declares Bits Stored as the component
     * size, so that encoders code that precision: byte for up to 8 bits unsigned, ushort or short up to 16.
     */
    public static BufferedImage toImage(byte[] frame, PixelDescription description) throws PixelDataException {
        int bits = description.bitsStored();
        if (bits > SHORT_MAX_BITS) {
            throw new PixelDataException("more than 16 bits a sample cannot be handed to an Image I/O codec");
        }
        boolean signed = description.isSigned() && bits > 1;
        int type = signed ? DataBuffer.TYPE_SHORT
                : description.bytesPerSample() == 1 && bits <= BYTE_MAX_BITS ? DataBuffer.TYPE_BYTE
                : DataBuffer.TYPE_USHORT;
        int samples = description.samplesPerPixel();
        int columns = description.columns();
        int[] bandOffsets = new int[samples];
        int[] componentBits = new int[samples];
        for (int s = 0; s < samples; s++) {
            bandOffsets[s] = s;
            componentBits[s] = bits;
        }
        PixelInterleavedSampleModel model = new PixelInterleavedSampleModel(type, columns, description.rows(),
                samples, columns * samples, bandOffsets);
        WritableRaster raster = Raster.createWritableRaster(model, null);
        int width = description.bytesPerSample();
        int total = description.samplesPerFrame();
        int[] values = new int[total];
        int shift = Integer.SIZE - Math.max(bits, 1);
        for (int i = 0; i < total; i++) {
            int value = (int) FrameLayout.readLittleEndian(frame, i * width, width);
            values[i] = signed ? (value << shift) >> shift : value;
        }
        raster.setPixels(0, 0, columns, description.rows(), values);
        ColorSpace space = ColorSpace.getInstance(samples == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        if (samples != 1 && samples != space.getNumComponents()) {
            throw new PixelDataException(samples + " samples a pixel cannot be handed to an Image I/O codec");
        }
        ComponentColorModel colours = new ComponentColorModel(space, componentBits, false, false,
                Transparency.OPAQUE, type);
        return new BufferedImage(colours, raster, false, null);
    }
}
