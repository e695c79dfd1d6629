package org.hrnode.aiqc.metrics;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Ring and metal streak measures on a CT slice in HU. */
public final class CtArtifacts {

    private static final int ANGLES = 360;
    private static final int MIN_RADIUS = 6;

    private CtArtifacts() {
    }

    /**
     * Ring index, HU: rings are circles about the rotation centre (the image centre unless reconstructed off
     * centre). Subtract a 5×5 median, which keeps anatomy and removes thin structures, and average the residue
     * around every circle in polar coordinates, over soft-tissue pixels only (−200…300 HU, so bone and air edges
     * do not count): noise and anatomy average towards zero around a circle, a ring adds up. The index is the
     * largest absolute circle average; NaN when too few circles cross soft tissue.
     */
    public static double ringIndex(Mat hu) {
        Mat median = new Mat();
        Imgproc.medianBlur(hu, median, 5);
        Mat residue = new Mat();
        Core.subtract(hu, median, residue);
        double maxRadius = Math.min(hu.rows(), hu.cols()) / 2.0;
        Point centre = new Point((hu.cols() - 1) / 2.0, (hu.rows() - 1) / 2.0);
        Size polarSize = new Size((int) maxRadius, ANGLES);
        Mat polarResidue = new Mat();
        Mat polarHu = new Mat();
        int flags = Imgproc.INTER_NEAREST + Imgproc.WARP_POLAR_LINEAR;
        Imgproc.warpPolar(residue, polarResidue, polarSize, centre, maxRadius, flags);
        Imgproc.warpPolar(hu, polarHu, polarSize, centre, maxRadius, flags);
        float[] r = Pixels.floats(polarResidue);
        float[] h = Pixels.floats(polarHu);
        for (Mat m : new Mat[] {median, residue, polarResidue, polarHu}) {
            m.release();
        }
        int radii = (int) maxRadius;
        double worst = Double.NaN;
        for (int radius = MIN_RADIUS; radius < radii; radius++) {
            double sum = 0;
            int n = 0;
            for (int a = 0; a < ANGLES; a++) {
                int i = a * radii + radius;
                if (h[i] > -200 && h[i] < 300) {
                    sum += r[i];
                    n++;
                }
            }
            if (n >= ANGLES / 2) {
                double mean = Math.abs(sum / n);
                worst = Double.isNaN(worst) ? mean : Math.max(worst, mean);
            }
        }
        return worst;
    }

    /**
     * Metal and its streaks: {metal area in pixels (≥ metalHu), streak index in HU}. The streak index is the 90th
     * percentile of the absolute fine detail (image minus a 5×5 Gaussian) in a band from 3 to 25 pixels around the
     * metal, divided by 1.645 so that it reads as the noise SD where there are no streaks; streaks, thin lines of
     * ± hundreds of HU radiating from the metal, lift it far above soft-tissue noise once they cover a tenth of
     * the band. Without metal the index is 0.
     */
    public static double[] metal(Mat hu, double metalHu, int minPixels) {
        Mat metal = new Mat();
        Imgproc.threshold(hu, metal, metalHu, 255, Imgproc.THRESH_BINARY);
        metal.convertTo(metal, CvType.CV_8U);
        int area = Core.countNonZero(metal);
        if (area < minPixels) {
            metal.release();
            return new double[] {area, 0};
        }
        Mat near = new Mat();
        Mat far = new Mat();
        Imgproc.dilate(metal, near, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(7, 7)));
        Imgproc.dilate(metal, far, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(51, 51)));
        Core.subtract(far, near, far);
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(hu, smooth, new Size(5, 5), 0);
        Mat detail = new Mat();
        Core.subtract(hu, smooth, detail);
        boolean[] band = Pixels.mask(far);
        float[] d = Pixels.floats(detail);
        float[] v = Pixels.floats(hu);
        for (int i = 0; i < band.length; i++) {
            band[i] &= v[i] > -900;
        }
        for (Mat m : new Mat[] {metal, near, far, smooth, detail}) {
            m.release();
        }
        float[] abs = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            abs[i] = Math.abs(d[i]);
        }
        double p90 = Pixels.percentiles(abs, band, 90)[0];
        return new double[] {area, p90 / 1.645};
    }
}
