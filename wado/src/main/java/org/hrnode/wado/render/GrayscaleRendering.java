package org.hrnode.wado.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDescription;

/**
 * Turns one grey-scale frame into 8-bit display values, the grey-scale pipeline of PS3.4 §N.2.1: stored value →
 * Modality LUT (Rescale Slope/Intercept) → VOI (window, PS3.3 §C.11.2.1.2) → MONOCHROME1 inversion. Without a window
 * in the request or the object, the frame's own range of modality values is shown (linear-exact from min to max).
 *
 * <p>Hand-written rather than OpenCV or Java2D: the pipeline is a per-value function, so for up to 16 bits stored it
 * is computed once per possible stored value into a lookup table and the frame is mapped through it — one array read
 * per pixel, with no native library and no 16-bit image type the encoders would mishandle.
 */
final class GrayscaleRendering {

    private static final int MAX_OUTPUT = 255;
    private static final int LUT_MAX_BITS = 16;

    private GrayscaleRendering() {
    }

    static BufferedImage render(DecodedFrame frame, FrameAttributes attributes, Window requested)
            throws NotRenderableException {
        PixelDescription description = frame.description();
        if (Photometric.PALETTE_COLOR.equals(description.photometricInterpretation())) {
            throw new NotRenderableException("PALETTE COLOR images are not rendered", false);
        }
        if (description.bitsStored() > Integer.SIZE - 1 && !description.isSigned()) {
            throw new NotRenderableException("unsigned samples of 32 bits are not rendered", false);
        }
        int[] stored = storedValues(frame.samples(), description);
        double slope = attributes.rescaleSlope();
        double intercept = attributes.rescaleIntercept();
        Window window = requested != null ? requested
                : attributes.window().orElseGet(() -> rangeOf(stored, slope, intercept));
        boolean invert = Photometric.MONOCHROME1.equals(description.photometricInterpretation());
        BufferedImage image = new BufferedImage(description.columns(), description.rows(),
                BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (description.bitsStored() <= LUT_MAX_BITS) {
            int lowest = description.isSigned() ? -(1 << (description.bitsStored() - 1)) : 0;
            byte[] lut = new byte[1 << description.bitsStored()];
            for (int i = 0; i < lut.length; i++) {
                lut[i] = (byte) display(lowest + i, slope, intercept, window, invert);
            }
            for (int p = 0; p < stored.length; p++) {
                out[p] = lut[stored[p] - lowest];
            }
        } else {
            for (int p = 0; p < stored.length; p++) {
                out[p] = (byte) display(stored[p], slope, intercept, window, invert);
            }
        }
        return image;
    }

    /** The display value 0..255 of a stored value, rounded to nearest. */
    static int display(long storedValue, double slope, double intercept, Window window, boolean invert) {
        double modality = storedValue * slope + intercept;
        long y = Math.round(window.function().apply(modality, window.center(), window.width(), MAX_OUTPUT));
        int clamped = (int) Math.max(0, Math.min(MAX_OUTPUT, y));
        return invert ? MAX_OUTPUT - clamped : clamped;
    }

    /** The stored values as ints: shifted down when High Bit is not Bits Stored − 1, masked, sign-extended. */
    private static int[] storedValues(byte[] samples, PixelDescription description) {
        int width = description.bytesPerSample();
        int bits = description.bitsStored();
        int shift = description.highBit() + 1 - bits;
        long mask = bits >= Long.SIZE ? -1L : (1L << bits) - 1;
        int unused = Long.SIZE - bits;
        boolean signed = description.isSigned();
        int[] values = new int[description.pixelsPerFrame()];
        if (width == 2 && shift == 0) {
            // The common case (CT, MR, DR): two bytes a sample, low aligned.
            for (int p = 0; p < values.length; p++) {
                long raw = (samples[2 * p] & 0xFF) | (samples[2 * p + 1] & 0xFF) << 8;
                values[p] = (int) (signed ? ((raw & mask) << unused) >> unused : raw & mask);
            }
            return values;
        }
        for (int p = 0; p < values.length; p++) {
            long raw = FrameLayout.readLittleEndian(samples, p * width, width) >>> shift;
            values[p] = (int) (signed ? ((raw & mask) << unused) >> unused : raw & mask);
        }
        return values;
    }

    /** A window spanning the frame's modality values exactly: the darkest pixel black, the brightest white. */
    private static Window rangeOf(int[] stored, double slope, double intercept) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int value : stored) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double a = min * slope + intercept;
        double b = max * slope + intercept;
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        return new Window((low + high) / 2, Math.max(high - low, 1), VoiFunction.LINEAR_EXACT);
    }
}
