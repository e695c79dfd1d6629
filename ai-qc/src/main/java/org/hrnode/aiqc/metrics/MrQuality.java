package org.hrnode.aiqc.metrics;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * MRIQC-style image quality measures of one MR slice (Esteban et al., PLoS ONE 2017; nipreps/mriqc
 * qc/anatomical.py), on the foreground mask of {@link Regions#mrForeground} and the air around it (the image minus
 * the foreground dilated by 15 pixels).
 *
 * <ul>
 * <li>noise σ: from the air, where magnitude images are Rayleigh distributed, as median/√(2 ln 2) — the median
 * makes ghosts in the air harmless; scanners that zero the air give no air noise, and then σ is Immerkær's
 * estimate inside the foreground.
 * <li>SNR = μ<sub>F</sub> / σ (MRIQC's snr_dietrich when σ comes from air).
 * <li>CNR = |μ<sub>1</sub> − μ<sub>2</sub>| / σ for the two tissue classes Otsu's threshold splits the foreground
 * into (MRIQC uses GM/WM from a segmentation, which one slice of any body part does not allow).
 * <li>EFC: entropy of the intensities normalised by √Σx², divided by its maximum (0 all energy in one pixel, 1
 * uniform); ghosting and blurring spread energy and raise it.
 * <li>FBER = mean(F²) / mean(B²); NaN for a zero-filled background.
 * <li>GSR (ghost-to-signal): the foreground shifted by half the image along the phase-encoding direction, minus the
 * foreground, is where N/2 ghosts fall; GSR = (mean there − mean of the other air) / μ<sub>F</sub>. With no
 * phase-encoding direction in the header both directions are tried and the larger kept.
 * </ul>
 */
public record MrQuality(double snr, double cnr, double efc, double fber, double ghostToSignal,
        boolean noiseFromAir) {

    private static final int AIR_MARGIN = 15;
    private static final double RAYLEIGH_MEDIAN = Math.sqrt(2 * Math.log(2));

    /** Measures on {@code values}; {@code phaseRows} is true for phase encoding along rows, null when unknown. */
    public static MrQuality of(Mat values, boolean[] foreground, Boolean phaseRows) {
        int rows = values.rows();
        int cols = values.cols();
        float[] v = Pixels.floats(values);
        Mat fg = Pixels.toMat(foreground, rows, cols);
        Mat dilated = new Mat();
        Imgproc.dilate(fg, dilated, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE,
                new Size(2 * AIR_MARGIN + 1, 2 * AIR_MARGIN + 1)));
        boolean[] near = Pixels.mask(dilated);
        fg.release();
        dilated.release();
        boolean[] air = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            air[i] = !near[i];
        }
        double[] f = Pixels.meanSd(v, foreground);
        double airMedian = Pixels.count(air) > 100 ? Pixels.percentiles(v, air, 50)[0] : Double.NaN;
        boolean fromAir = airMedian > 0;
        double sigma = fromAir ? airMedian / RAYLEIGH_MEDIAN : Noise.immerkaer(values, foreground);
        double snr = f[0] / sigma;
        double threshold = otsu(v, foreground);
        boolean[] low = new boolean[v.length];
        boolean[] high = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            low[i] = foreground[i] && v[i] <= threshold;
            high[i] = foreground[i] && v[i] > threshold;
        }
        double cnr = Math.abs(Pixels.meanSd(v, high)[0] - Pixels.meanSd(v, low)[0]) / sigma;
        double efc = efc(v);
        double fber = Double.NaN;
        if (fromAir) {
            double fg2 = 0;
            double bg2 = 0;
            long nf = 0;
            long nb = 0;
            for (int i = 0; i < v.length; i++) {
                if (foreground[i]) {
                    fg2 += (double) v[i] * v[i];
                    nf++;
                } else if (air[i]) {
                    bg2 += (double) v[i] * v[i];
                    nb++;
                }
            }
            fber = (fg2 / nf) / (bg2 / nb);
        }
        double gsr = phaseRows == null ? Math.max(ghost(v, foreground, air, rows, cols, true, f[0]),
                ghost(v, foreground, air, rows, cols, false, f[0])) : ghost(v, foreground, air, rows, cols,
                phaseRows, f[0]);
        return new MrQuality(snr, cnr, efc, fber, gsr, fromAir);
    }

    private static double ghost(float[] v, boolean[] fg, boolean[] air, int rows, int cols, boolean alongRows,
            double signal) {
        boolean[] ghost = new boolean[v.length];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int sx = alongRows ? (x + cols / 2) % cols : x;
                int sy = alongRows ? y : (y + rows / 2) % rows;
                int i = y * cols + x;
                ghost[i] = fg[sy * cols + sx] && air[i];
            }
        }
        boolean[] rest = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            rest[i] = air[i] && !ghost[i];
        }
        if (Pixels.count(ghost) < 50 || Pixels.count(rest) < 50 || !(signal > 0)) {
            return Double.NaN;
        }
        return (Pixels.meanSd(v, ghost)[0] - Pixels.meanSd(v, rest)[0]) / signal;
    }

    private static double efc(float[] v) {
        double energy = 0;
        for (float x : v) {
            energy += (double) x * x;
        }
        double xmax = Math.sqrt(energy);
        if (!(xmax > 0)) {
            return Double.NaN;
        }
        double e = 0;
        for (float x : v) {
            double r = Math.abs(x) / xmax;
            if (r > 0) {
                e -= r * Math.log(r);
            }
        }
        int n = v.length;
        double max = -n * (1 / Math.sqrt(n)) * Math.log(1 / Math.sqrt(n));
        return e / max;
    }

    /** Otsu's threshold of the masked values (256 bins between their 0.5th and 99.5th percentiles). */
    private static double otsu(float[] v, boolean[] mask) {
        double[] p = Pixels.percentiles(v, mask, 0.5, 99.5);
        double lo = p[0];
        double width = Math.max(1e-9, (p[1] - p[0]) / 256);
        double[] hist = new double[256];
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask[i]) {
                int b = (int) Math.max(0, Math.min(255, (v[i] - lo) / width));
                hist[b]++;
                total++;
            }
        }
        double sum = 0;
        for (int b = 0; b < 256; b++) {
            sum += b * hist[b];
        }
        double sumB = 0;
        double wB = 0;
        double best = -1;
        int bestBin = 128;
        for (int b = 0; b < 256; b++) {
            wB += hist[b];
            sumB += b * hist[b];
            if (wB == 0 || wB == total) {
                continue;
            }
            double mB = sumB / wB;
            double mF = (sum - sumB) / (total - wB);
            double between = wB * (total - wB) * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                bestBin = b;
            }
        }
        return lo + (bestBin + 1) * width;
    }
}
