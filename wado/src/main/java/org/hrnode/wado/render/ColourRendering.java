package org.hrnode.wado.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDescription;

/**
 * Turns an interleaved three-sample frame into an 8-bit RGB image: RGB as it is, YBR_FULL through the PS3.3
 * §C.7.6.3.1.2 (JPEG File Interchange) equations. Samples of more than 8 bits keep their top 8.
 */
final class ColourRendering {

    private static final int CHANNELS = 3;
    private static final int MAX = 255;
    private static final int HALF = 128;

    private ColourRendering() {
    }

    static BufferedImage render(DecodedFrame frame) throws NotRenderableException {
        PixelDescription description = frame.description();
        String photometric = description.photometricInterpretation();
        boolean ybr = Photometric.YBR_FULL.equals(photometric);
        if (description.samplesPerPixel() != CHANNELS || !ybr && !Photometric.RGB.equals(photometric)) {
            throw new NotRenderableException("colour images are rendered from RGB or YBR_FULL; this one is "
                    + photometric + " with " + description.samplesPerPixel() + " samples a pixel", false);
        }
        BufferedImage image = new BufferedImage(description.columns(), description.rows(),
                BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] samples = frame.samples();
        int width = description.bytesPerSample();
        int shift = Math.max(0, description.bitsStored() - Byte.SIZE);
        int pixels = description.pixelsPerFrame();
        for (int p = 0; p < pixels; p++) {
            int a = sample(samples, (p * CHANNELS) * width, width, shift);
            int b = sample(samples, (p * CHANNELS + 1) * width, width, shift);
            int c = sample(samples, (p * CHANNELS + 2) * width, width, shift);
            int r = a;
            int g = b;
            int bl = c;
            if (ybr) {
                r = clamp(a + 1.402 * (c - HALF));
                g = clamp(a - 0.344136 * (b - HALF) - 0.714136 * (c - HALF));
                bl = clamp(a + 1.772 * (b - HALF));
            }
            bgr[p * CHANNELS] = (byte) bl;
            bgr[p * CHANNELS + 1] = (byte) g;
            bgr[p * CHANNELS + 2] = (byte) r;
        }
        return image;
    }

    private static int sample(byte[] samples, int offset, int width, int shift) {
        int value = width == 1 ? samples[offset] & 0xFF : (int) FrameLayout.readLittleEndian(samples, offset, width);
        return Math.min(MAX, value >>> shift);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(MAX, Math.round(value)));
    }
}
