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
    private static final int SECTORS = 12;
    private static final int MIN_SECTORS = 8;
    private static final int RADIAL_WINDOW = 9;

    private CtArtifacts() {
    }

    /**
     * Ring index, HU: rings are circles about the rotation centre (the image centre unless reconstructed off
     * centre), so in polar coordinates they are narrow bumps along the radius at a fixed radius. The slice is
     * resampled to polar coordinates (360 angles, one pixel per radius step) and each angle's radial profile minus
     * its running median over 9 radii is the residue: rings up to 4 pixels wide stay in it, anatomy edges (steps
     * along the radius) do not. The residue is averaged along every circle over soft-tissue pixels only (−200…300
     * HU, so bone and air edges do not count), in twelve 30° sectors: noise averages towards zero, a ring gives the
     * same value in every sector, while anatomy that happens to run along a circle (fat planes of the chest wall)
     * does so in a few sectors only. A circle's value is the median of its sector means (at least eight sectors
     * with soft tissue) less three times what noise alone would leave in a sector mean; the index is the largest
     * such value; NaN when no circle crosses enough soft tissue.
     */
    public static double ringIndex(Mat hu) {
        double maxRadius = Math.min(hu.rows(), hu.cols()) / 2.0;
        Point centre = new Point((hu.cols() - 1) / 2.0, (hu.rows() - 1) / 2.0);
        int radii = (int) maxRadius;
        Mat polar = new Mat();
        Imgproc.warpPolar(hu, polar, new Size(radii, ANGLES), centre, maxRadius,
                Imgproc.INTER_LINEAR + Imgproc.WARP_POLAR_LINEAR);
        float[] h = Pixels.floats(polar);
        polar.release();
        float[] r = radialResidue(h, radii);
        double noise = residueNoise(h, r);
        double worst = Double.NaN;
        int sectorAngles = ANGLES / SECTORS;
        double[] sectorMeans = new double[SECTORS];
        for (int radius = MIN_RADIUS; radius < radii - RADIAL_WINDOW / 2; radius++) {
            int sectors = 0;
            int samples = 0;
            for (int sector = 0; sector < SECTORS; sector++) {
                double sum = 0;
                int n = 0;
                for (int a = sector * sectorAngles; a < (sector + 1) * sectorAngles; a++) {
                    int i = a * radii + radius;
                    if (h[i] > -200 && h[i] < 300) {
                        sum += r[i];
                        n++;
                    }
                }
                if (n >= sectorAngles / 2) {
                    sectorMeans[sectors++] = sum / n;
                    samples += n;
                }
            }
            if (sectors >= MIN_SECTORS) {
                double[] means = java.util.Arrays.copyOf(sectorMeans, sectors);
                java.util.Arrays.sort(means);
                // Noise alone leaves a circle mean of about σ/√(independent pixels on it); small circles are
                // sampled by fewer pixels than angles. Three times that is not counted as ring.
                double independent = Math.max(1, Math.min(samples, 2 * Math.PI * radius * samples / ANGLES));
                double circle = Math.max(0, Math.abs(means[sectors / 2]) - 3 * noise / Math.sqrt(independent
                        / SECTORS));
                worst = Double.isNaN(worst) ? circle : Math.max(worst, circle);
            }
        }
        return worst;
    }

    /** Each angle's radial profile minus its running median over {@link #RADIAL_WINDOW} radii. */
    private static float[] radialResidue(float[] polar, int radii) {
        float[] out = new float[polar.length];
        float[] window = new float[RADIAL_WINDOW];
        int half = RADIAL_WINDOW / 2;
        for (int a = 0; a < ANGLES; a++) {
            int row = a * radii;
            for (int radius = half; radius < radii - half; radius++) {
                System.arraycopy(polar, row + radius - half, window, 0, RADIAL_WINDOW);
                java.util.Arrays.sort(window);
                out[row + radius] = polar[row + radius] - window[half];
            }
        }
        return out;
    }

    /** Robust SD (1.4826 × median absolute value) of the residue over soft tissue. */
    private static double residueNoise(float[] hu, float[] residue) {
        boolean[] soft = new boolean[hu.length];
        float[] abs = new float[hu.length];
        for (int i = 0; i < hu.length; i++) {
            soft[i] = hu[i] > -200 && hu[i] < 300;
            abs[i] = Math.abs(residue[i]);
        }
        double mad = Pixels.percentiles(abs, soft, 50)[0];
        return Double.isNaN(mad) ? 0 : 1.4826 * mad;
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
