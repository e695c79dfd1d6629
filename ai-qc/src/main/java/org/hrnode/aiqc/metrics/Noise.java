package org.hrnode.aiqc.metrics;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Noise estimators. */
public final class Noise {

    private static final double SD_BIN_HU = 0.5;

    private Noise() {
    }

    /**
     * Standard deviation of white noise by Immerkær's method (CVIU 64(2), 1996): filter with the difference of two
     * Laplacians, which cancels image structure up to second order, and take √(π/2)/6 × the mean absolute
     * response. Robust to edges without a segmentation, fast (one 3×3 filter); computed where {@code mask} (may be
     * null) is set.
     */
    public static double immerkaer(Mat values, boolean[] mask) {
        return highPass(values, mask)[0];
    }

    /**
     * Noise σ from the same high-pass response two ways: {Immerkær's mean-absolute estimate, 1.4826 × median
     * absolute response / 6 (the MAD estimate; the kernel's L2 norm is 6)}. The MAD one ignores the few strong
     * responses edges leave and reads lower on structured images.
     */
    public static double[] highPass(Mat values, boolean[] mask) {
        Mat kernel = new Mat(3, 3, CvType.CV_32F);
        kernel.put(0, 0, 1, -2, 1, -2, 4, -2, 1, -2, 1);
        Mat response = new Mat();
        Imgproc.filter2D(values, response, CvType.CV_32F, kernel);
        Core.absdiff(response, new org.opencv.core.Scalar(0), response);
        float[] r = Pixels.floats(response);
        response.release();
        int rows = values.rows();
        int cols = values.cols();
        boolean[] inner = new boolean[r.length];
        double sum = 0;
        long n = 0;
        for (int y = 1; y < rows - 1; y++) {
            for (int x = 1; x < cols - 1; x++) {
                int i = y * cols + x;
                if (mask == null || mask[i]) {
                    inner[i] = true;
                    sum += r[i];
                    n++;
                }
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mad = Pixels.percentiles(r, inner, 50)[0];
        return new double[] {Math.sqrt(Math.PI / 2) / 6 * sum / n, 1.4826 * mad / 6};
    }

    /**
     * The CT global noise index (Christianson et al., AJR 2015, as summarised in QC-CHECKS.md): the standard
     * deviation in HU of every 10×10-pixel neighbourhood centred on soft tissue (−100…200 HU), and the mode of
     * their histogram. Edges make a long tail of large SDs; the mode ignores them without a gradient mask.
     */
    public static double ctNoiseIndex(Mat hu) {
        Mat mean = new Mat();
        Mat sq = new Mat();
        Mat hu2 = new Mat();
        Core.multiply(hu, hu, hu2);
        Imgproc.blur(hu, mean, new Size(10, 10));
        Imgproc.blur(hu2, sq, new Size(10, 10));
        float[] m = Pixels.floats(mean);
        float[] s = Pixels.floats(sq);
        float[] v = Pixels.floats(hu);
        for (Mat x : new Mat[] {mean, sq, hu2}) {
            x.release();
        }
        int bins = 400;
        long[] hist = new long[bins];
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            if (m[i] > -100 && m[i] < 200 && v[i] > -100 && v[i] < 200) {
                double sd = Math.sqrt(Math.max(0, s[i] - (double) m[i] * m[i]));
                int bin = (int) (sd / SD_BIN_HU);
                if (bin < bins) {
                    hist[bin]++;
                    n++;
                }
            }
        }
        if (n < 500) {
            return Double.NaN;
        }
        int best = 0;
        double bestCount = -1;
        for (int b = 0; b < bins; b++) {
            double smoothed = hist[b] + 0.5 * ((b > 0 ? hist[b - 1] : 0) + (b < bins - 1 ? hist[b + 1] : 0));
            if (smoothed > bestCount) {
                bestCount = smoothed;
                best = b;
            }
        }
        return (best + 0.5) * SD_BIN_HU;
    }
}
