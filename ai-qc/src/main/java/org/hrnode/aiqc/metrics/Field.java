package org.hrnode.aiqc.metrics;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The exposed field of a radiograph and the anatomy inside it, found on the overview. Collimator shutters leave
 * bands along the edges where the image is flat (neighbours differ by under 1 % of the value range) and at the
 * bright end of the display range (within 5 % of the brightest values: no X-rays reached the detector there, so it
 * looks like the densest tissue): rows and columns from each edge whose pixels are at least 90 % such are taken as
 * shutter, up to 45 % of the image from each side. Unattenuated background is flat too but dark, so it stays in the
 * field, where it belongs. Shutters blanked to black by post-processing are not recognised: the field then spans
 * the whole image, which the field check does not hold against the image. Anatomy is where the image has local
 * structure (7×7 standard deviation above 3 % of the field's value range).
 */
public record Field(Rect rect, boolean[] anatomy, int rows, int columns) {

    private static final double FLAT_SHARE = 0.9;
    /** A flat pixel changes by less than this share of the value range to its neighbour. */
    private static final double FLAT_STEP = 0.01;
    /** A shutter pixel lies within this share of the value range from the brightest end. */
    private static final double EXTREME = 0.05;
    private static final double STRUCTURE_SD = 0.03;
    private static final double MAX_BAND = 0.45;

    public static Field of(Mat overview) {
        int rows = overview.rows();
        int cols = overview.cols();
        float[] v = Pixels.floats(overview);
        double[] p = Pixels.percentiles(v, null, 1, 99, 0.5, 99.5);
        double range = Math.max(1e-6, p[1] - p[0]);
        double brightEnd = p[3] - EXTREME * range;
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(overview, smooth, new Size(3, 3), 0);
        Mat gx = new Mat();
        Mat gy = new Mat();
        Imgproc.Sobel(smooth, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(smooth, gy, CvType.CV_32F, 0, 1);
        Core.magnitude(gx, gy, gx);
        float[] g = Pixels.floats(gx);
        boolean[] flat = new boolean[g.length];
        // A 3×3 Sobel answers a ramp of step s with 8s.
        double limit = 8 * FLAT_STEP * range;
        for (int i = 0; i < g.length; i++) {
            flat[i] = g[i] < limit && v[i] >= brightEnd;
        }
        int top = 0;
        while (top < rows * MAX_BAND && flatShare(flat, cols, top, true, rows, cols) >= FLAT_SHARE) {
            top++;
        }
        int bottom = rows - 1;
        while (rows - 1 - bottom < rows * MAX_BAND && flatShare(flat, cols, bottom, true, rows, cols) >= FLAT_SHARE) {
            bottom--;
        }
        int left = 0;
        while (left < cols * MAX_BAND && flatShare(flat, cols, left, false, rows, cols) >= FLAT_SHARE) {
            left++;
        }
        int right = cols - 1;
        while (cols - 1 - right < cols * MAX_BAND && flatShare(flat, cols, right, false, rows, cols) >= FLAT_SHARE) {
            right--;
        }
        Rect rect = new Rect(left, top, Math.max(1, right - left + 1), Math.max(1, bottom - top + 1));
        Mat mean = new Mat();
        Mat sq = new Mat();
        Mat v2 = new Mat();
        Core.multiply(overview, overview, v2);
        Imgproc.blur(overview, mean, new Size(7, 7));
        Imgproc.blur(v2, sq, new Size(7, 7));
        float[] m = Pixels.floats(mean);
        float[] s = Pixels.floats(sq);
        boolean[] anatomy = new boolean[v.length];
        double structure = STRUCTURE_SD * range;
        // The 7×7 window straddles the shutter edge within 3 pixels of it: those pixels measure the edge, not anatomy.
        int inset = 4;
        for (int y = rect.y + inset; y < rect.y + rect.height - inset; y++) {
            for (int x = rect.x + inset; x < rect.x + rect.width - inset; x++) {
                int i = y * cols + x;
                anatomy[i] = Math.sqrt(Math.max(0, s[i] - (double) m[i] * m[i])) > structure;
            }
        }
        for (Mat x : new Mat[] {smooth, gx, gy, mean, sq, v2}) {
            x.release();
        }
        return new Field(rect, anatomy, rows, cols);
    }

    /**
     * The field less a margin of {@code share} of its size on every side: the edges of collimator shutters are
     * blurred by the focal spot and leave a rim of extreme values that is neither shutter nor anatomy.
     */
    public Rect inner(double share) {
        int dx = (int) Math.round(rect.width * share);
        int dy = (int) Math.round(rect.height * share);
        return new Rect(rect.x + dx, rect.y + dy, Math.max(1, rect.width - 2 * dx), Math.max(1, rect.height - 2 * dy));
    }

    public double fieldFraction() {
        return (double) rect.area() / ((double) rows * columns);
    }

    /** Pixels of the field, as a mask. */
    public boolean[] fieldMask() {
        boolean[] out = new boolean[rows * columns];
        for (int y = rect.y; y < rect.y + rect.height; y++) {
            for (int x = rect.x; x < rect.x + rect.width; x++) {
                out[y * columns + x] = true;
            }
        }
        return out;
    }

    /**
     * How far the anatomy's centroid lies from the field's centre, as the larger of the horizontal and vertical
     * offsets in fractions of the field's width and height (0 centred, 0.5 at an edge); NaN without anatomy.
     */
    public double centringOffset() {
        double sx = 0;
        double sy = 0;
        long n = 0;
        for (int y = rect.y; y < rect.y + rect.height; y++) {
            for (int x = rect.x; x < rect.x + rect.width; x++) {
                if (anatomy[y * columns + x]) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double cx = rect.x + (rect.width - 1) / 2.0;
        double cy = rect.y + (rect.height - 1) / 2.0;
        return Math.max(Math.abs(sx / n - cx) / rect.width, Math.abs(sy / n - cy) / rect.height);
    }

    private static double flatShare(boolean[] flat, int stride, int index, boolean row, int rows, int cols) {
        int n = row ? cols : rows;
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (flat[row ? index * stride + k : k * stride + index]) {
                count++;
            }
        }
        return (double) count / n;
    }
}
