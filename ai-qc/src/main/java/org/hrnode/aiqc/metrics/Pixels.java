package org.hrnode.aiqc.metrics;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Statistics over a float image and an optional mask, done in Java over the pixel array: the images measured are
 * at most about 1000×1000, where one pass in Java costs well under a millisecond, and OpenCV has no masked
 * percentile. Percentiles come from a 16384-bin histogram between the masked minimum and maximum, exact to
 * 1/16384 of the range, which is finer than any threshold they feed.
 */
public final class Pixels {

    private static final int BINS = 16384;

    private Pixels() {
    }

    public static float[] floats(Mat m) {
        Mat f = m;
        if (m.type() != CvType.CV_32F) {
            f = new Mat();
            m.convertTo(f, CvType.CV_32F);
        }
        float[] out = new float[(int) f.total()];
        f.get(0, 0, out);
        return out;
    }

    /** A mask as 0/1 bytes from an 8-bit OpenCV mask (any non-zero is in). */
    public static boolean[] mask(Mat mask8u) {
        byte[] b = new byte[(int) mask8u.total()];
        mask8u.get(0, 0, b);
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] != 0;
        }
        return out;
    }

    public static Mat toMat(boolean[] mask, int rows, int cols) {
        byte[] b = new byte[mask.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = mask[i] ? (byte) 255 : 0;
        }
        Mat m = new Mat(rows, cols, CvType.CV_8U);
        m.put(0, 0, b);
        return m;
    }

    public static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Percentiles (0–100) of the masked values; NaN for an empty mask. Null mask means every pixel. */
    public static double[] percentiles(float[] v, boolean[] mask, double... p) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask == null || mask[i]) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
                n++;
            }
        }
        double[] out = new double[p.length];
        if (n == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        if (max == min) {
            java.util.Arrays.fill(out, min);
            return out;
        }
        long[] hist = new long[BINS];
        double width = (max - min) / BINS;
        for (int i = 0; i < v.length; i++) {
            if (mask == null || mask[i]) {
                hist[Math.min(BINS - 1, (int) ((v[i] - min) / width))]++;
            }
        }
        for (int k = 0; k < p.length; k++) {
            double target = p[k] / 100.0 * n;
            long cum = 0;
            int bin = 0;
            while (bin < BINS - 1 && cum + hist[bin] < target) {
                cum += hist[bin];
                bin++;
            }
            double within = hist[bin] == 0 ? 0.5 : (target - cum) / hist[bin];
            out[k] = min + (bin + Math.max(0, Math.min(1, within))) * width;
        }
        return out;
    }

    /** Mean and standard deviation (population) of the masked values: {mean, sd, count}. */
    public static double[] meanSd(float[] v, boolean[] mask) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask == null || mask[i]) {
                sum += v[i];
                sq += (double) v[i] * v[i];
                n++;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean)), n};
    }

    public static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
