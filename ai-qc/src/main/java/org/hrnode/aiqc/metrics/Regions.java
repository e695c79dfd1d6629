package org.hrnode.aiqc.metrics;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Foreground masks of cross-sectional images and the measures made on them. */
public final class Regions {

    private Regions() {
    }

    /** CT body: above −500 HU, the largest connected part (the table is usually apart), small holes closed. */
    public static boolean[] ctBody(Mat hu) {
        Mat mask = new Mat();
        Imgproc.threshold(hu, mask, -500, 255, Imgproc.THRESH_BINARY);
        mask.convertTo(mask, CvType.CV_8U);
        return largestComponent(mask);
    }

    /**
     * MR foreground: Otsu's threshold on the image scaled to 8 bits between 0 and its 99.5th percentile, closed,
     * the largest connected part with its holes filled (ventricles and sinuses are dark but inside the head).
     */
    public static boolean[] mrForeground(Mat values) {
        float[] v = Pixels.floats(values);
        double top = Math.max(1e-6, Pixels.percentiles(v, null, 99.5)[0]);
        Mat scaled = new Mat();
        values.convertTo(scaled, CvType.CV_8U, 255 / top, 0);
        Mat mask = new Mat();
        Imgproc.threshold(scaled, mask, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        scaled.release();
        boolean[] largest = largestComponent(mask);
        return fillHoles(largest, values.rows(), values.cols());
    }

    /** Share of the image's outermost pixel ring that lies in {@code mask}. */
    public static double borderShare(boolean[] mask, int rows, int cols) {
        int n = 0;
        int in = 0;
        for (int x = 0; x < cols; x++) {
            in += (mask[x] ? 1 : 0) + (mask[(rows - 1) * cols + x] ? 1 : 0);
            n += 2;
        }
        for (int y = 1; y < rows - 1; y++) {
            in += (mask[y * cols] ? 1 : 0) + (mask[y * cols + cols - 1] ? 1 : 0);
            n += 2;
        }
        return (double) in / n;
    }

    /**
     * Share of the edge of the reconstructed field of view that the body touches: the field is where values are
     * above the padding CT writes outside the reconstruction circle (below −1100 HU), its edge the pixels within
     * 2 pixels of its outline or of the image border. A body cut by the FOV lies along that edge.
     */
    public static double ctTruncation(Mat hu, boolean[] body) {
        int rows = hu.rows();
        int cols = hu.cols();
        Mat fov = new Mat();
        Imgproc.threshold(hu, fov, -1100, 255, Imgproc.THRESH_BINARY);
        fov.convertTo(fov, CvType.CV_8U);
        Mat padded = new Mat();
        Core.copyMakeBorder(fov, padded, 1, 1, 1, 1, Core.BORDER_CONSTANT, new org.opencv.core.Scalar(0));
        Mat eroded = new Mat();
        Imgproc.erode(padded, eroded, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        Mat inner = eroded.submat(1, rows + 1, 1, cols + 1);
        boolean[] f = Pixels.mask(fov);
        boolean[] e = Pixels.mask(inner.clone());
        for (Mat m : new Mat[] {fov, padded, eroded}) {
            m.release();
        }
        int edge = 0;
        int touched = 0;
        for (int i = 0; i < f.length; i++) {
            if (f[i] && !e[i]) {
                edge++;
                if (body[i]) {
                    touched++;
                }
            }
        }
        return edge == 0 ? Double.NaN : (double) touched / edge;
    }

    /** Centroid offset of a mask from the image centre: the larger of |dx|/width and |dy|/height. */
    public static double centringOffset(boolean[] mask, int rows, int cols) {
        double sx = 0;
        double sy = 0;
        long n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                sx += i % cols;
                sy += i / cols;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return Math.max(Math.abs(sx / n - (cols - 1) / 2.0) / cols, Math.abs(sy / n - (rows - 1) / 2.0) / rows);
    }

    static boolean[] largestComponent(Mat mask8u) {
        Mat closed = new Mat();
        Imgproc.morphologyEx(mask8u, closed, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(
                Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(closed, labels, stats, centroids, 8, CvType.CV_32S);
        int best = -1;
        double bestArea = 0;
        for (int k = 1; k < n; k++) {
            double area = stats.get(k, Imgproc.CC_STAT_AREA)[0];
            if (area > bestArea) {
                bestArea = area;
                best = k;
            }
        }
        int[] l = new int[(int) labels.total()];
        labels.get(0, 0, l);
        boolean[] out = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = best > 0 && l[i] == best;
        }
        for (Mat m : new Mat[] {closed, labels, stats, centroids}) {
            m.release();
        }
        return out;
    }

    /** The mask with every background region that does not reach the image border added to it. */
    static boolean[] fillHoles(boolean[] mask, int rows, int cols) {
        boolean[] outside = new boolean[mask.length];
        int[] stack = new int[mask.length];
        int top = 0;
        for (int i = 0; i < mask.length; i++) {
            int x = i % cols;
            int y = i / cols;
            if ((x == 0 || y == 0 || x == cols - 1 || y == rows - 1) && !mask[i] && !outside[i]) {
                outside[i] = true;
                stack[top++] = i;
            }
        }
        while (top > 0) {
            int i = stack[--top];
            int x = i % cols;
            int y = i / cols;
            int[] next = {x > 0 ? i - 1 : -1, x < cols - 1 ? i + 1 : -1, y > 0 ? i - cols : -1,
                y < rows - 1 ? i + cols : -1};
            for (int j : next) {
                if (j >= 0 && !mask[j] && !outside[j]) {
                    outside[j] = true;
                    stack[top++] = j;
                }
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !outside[i];
        }
        return out;
    }
}
