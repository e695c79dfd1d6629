package org.hrnode.aiqc.metrics;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Sharpness of a full-resolution crop. The judged value is the no-reference blur metric of Crété-Roffet et al.
 * ("The Blur Effect", SPIE 6492, 2007): re-blur the image with a 9-pixel line average and see how much of its
 * neighbour-to-neighbour variation survives; a sharp image loses much (metric near 0), an already blurred one
 * loses little (near 1). It is normalised by the image's own variation, so it does not depend on contrast or
 * content the way raw gradient energy does. Variance of the Laplacian and mean gradient energy (Tenengrad) of the
 * image scaled to its 1st–99th percentile are reported beside it for staff who know those numbers.
 *
 * @param blur           Crété-Roffet blur, 0 sharp … 1 blurred
 * @param laplacianVar   variance of the Laplacian of the [p1, p99]-scaled image
 * @param tenengrad      mean squared Sobel gradient of the [p1, p99]-scaled image
 */
public record Sharpness(double blur, double laplacianVar, double tenengrad) {

    private static final int REBLUR = 9;

    public static Sharpness of(Mat values) {
        float[] v = Pixels.floats(values);
        double[] p = Pixels.percentiles(v, null, 1, 99);
        double range = Math.max(1e-6, p[1] - p[0]);
        Mat scaled = new Mat();
        values.convertTo(scaled, CvType.CV_32F, 1 / range, -p[0] / range);
        double blur = Math.max(crete(scaled, true), crete(scaled, false));
        Mat lap = new Mat();
        Imgproc.Laplacian(scaled, lap, CvType.CV_32F);
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble sd = new MatOfDouble();
        Core.meanStdDev(lap, mean, sd);
        double lapVar = sd.get(0, 0)[0] * sd.get(0, 0)[0];
        Mat gx = new Mat();
        Mat gy = new Mat();
        Imgproc.Sobel(scaled, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(scaled, gy, CvType.CV_32F, 0, 1);
        Core.multiply(gx, gx, gx);
        Core.multiply(gy, gy, gy);
        Core.add(gx, gy, gx);
        double ten = Core.mean(gx).val[0];
        for (Mat m : new Mat[] {scaled, lap, gx, gy}) {
            m.release();
        }
        return new Sharpness(blur, lapVar, ten);
    }

    /** Crété-Roffet blur along one direction. */
    private static double crete(Mat f, boolean vertical) {
        Mat b = new Mat();
        Imgproc.blur(f, b, vertical ? new Size(1, REBLUR) : new Size(REBLUR, 1));
        int rows = f.rows();
        int cols = f.cols();
        if ((vertical && rows < 2) || (!vertical && cols < 2)) {
            return Double.NaN;
        }
        Rect a = vertical ? new Rect(0, 1, cols, rows - 1) : new Rect(1, 0, cols - 1, rows);
        Rect c = vertical ? new Rect(0, 0, cols, rows - 1) : new Rect(0, 0, cols - 1, rows);
        Mat df = new Mat();
        Mat db = new Mat();
        Core.absdiff(f.submat(a), f.submat(c), df);
        Core.absdiff(b.submat(a), b.submat(c), db);
        Mat variation = new Mat();
        Core.subtract(df, db, variation);
        Imgproc.threshold(variation, variation, 0, 0, Imgproc.THRESH_TOZERO);
        double sf = Core.sumElems(df).val[0];
        double sv = Core.sumElems(variation).val[0];
        for (Mat m : new Mat[] {b, df, db, variation}) {
            m.release();
        }
        return sf <= 0 ? 1 : (sf - sv) / sf;
    }
}
