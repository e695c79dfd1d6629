package org.hrnode.aiqc.model;

import java.util.Arrays;

/**
 * A greyscale image at the model's input size ({@value #SIZE}×{@value #SIZE}), values in [0, 1] after windowing:
 * 0 is the bottom of the display window, 1 the top, as a reader would see it (MONOCHROME1 already inverted).
 * Degradations and the network both work on this.
 */
public final class WorkingImage {

    public static final int SIZE = 128;

    private final float[] pixels;

    private WorkingImage(float[] pixels) {
        this.pixels = pixels;
    }

    /** Wraps {@code SIZE*SIZE} row-major values, clamped to [0, 1] (a copy is taken). */
    public static WorkingImage of(float[] pixels) {
        if (pixels.length != SIZE * SIZE) {
            throw new IllegalArgumentException("a working image has " + SIZE * SIZE + " pixels, not "
                    + pixels.length);
        }
        float[] copy = new float[pixels.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = clamp(pixels[i]);
        }
        return new WorkingImage(copy);
    }

    /**
     * Downsamples a row-major greyscale image of any size by area averaging (each output pixel is the mean of the
     * source pixels it covers; the aspect ratio is not kept) and maps {@code [low, high]} linearly to [0, 1].
     */
    public static WorkingImage downsample(float[] values, int rows, int columns, double low, double high) {
        if (values.length != rows * columns || rows < 1 || columns < 1) {
            throw new IllegalArgumentException(rows + "×" + columns + " image with " + values.length + " values");
        }
        double range = high > low ? high - low : 1;
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            int y0 = (int) ((long) y * rows / SIZE);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * rows / SIZE));
            for (int x = 0; x < SIZE; x++) {
                int x0 = (int) ((long) x * columns / SIZE);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * columns / SIZE));
                double sum = 0;
                for (int r = y0; r < y1; r++) {
                    int row = r * columns;
                    for (int c = x0; c < x1; c++) {
                        sum += values[row + c];
                    }
                }
                double mean = sum / ((y1 - y0) * (x1 - x0));
                out[y * SIZE + x] = clamp((float) ((mean - low) / range));
            }
        }
        return new WorkingImage(out);
    }

    /** A copy of the pixels, row major. */
    public float[] pixels() {
        return pixels.clone();
    }

    float[] pixelsUnsafe() {
        return pixels;
    }

    public float at(int row, int column) {
        return pixels[row * SIZE + column];
    }

    static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : (Float.isNaN(v) ? 0 : v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingImage w && Arrays.equals(pixels, w.pixels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pixels);
    }
}
