package org.hrnode.aiqc.testing;

import org.hrnode.dicom.data.Dataset;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Artefacts drawn into test images, in stored values. */
public final class Degrade {

    private Degrade() {
    }

    /** Adds {@code amount} to a ring of width 2 pixels at {@code radius} about the image centre. */
    public static void ring(Dataset d, int radius, double amount) {
        Mat m = Pixels16.read(d);
        Mat ring = Mat.zeros(m.size(), CvType.CV_32F);
        Imgproc.circle(ring, new Point((m.cols() - 1) / 2.0, (m.rows() - 1) / 2.0), radius, new Scalar(amount), 2);
        Core.add(m, ring, m);
        Pixels16.write(d, m);
    }

    /**
     * A metal implant (a disc of {@code metalStored}) at {@code centre} with streaks: 18 lines through it,
     * alternately {@code streak} above and below the tissue they cross.
     */
    public static void metal(Dataset d, Point centre, double metalStored, double streak) {
        Mat m = Pixels16.read(d);
        Mat streaks = Mat.zeros(m.size(), CvType.CV_32F);
        for (int k = 0; k < 18; k++) {
            double a = Math.PI * k / 18;
            Point p1 = new Point(centre.x + 120 * Math.cos(a), centre.y + 120 * Math.sin(a));
            Point p2 = new Point(centre.x - 120 * Math.cos(a), centre.y - 120 * Math.sin(a));
            Imgproc.line(streaks, p1, p2, new Scalar(k % 2 == 0 ? streak : -streak), 2);
        }
        Core.add(m, streaks, m);
        Imgproc.circle(m, centre, 5, new Scalar(metalStored), -1);
        Pixels16.write(d, m);
    }

    /** Moves the picture by (dx, dy) pixels, filling with {@code fill}: anatomy leaves the field or the FOV. */
    public static void shift(Dataset d, int dx, int dy, double fill) {
        Mat m = Pixels16.read(d);
        Mat t = new Mat(2, 3, CvType.CV_64F);
        t.put(0, 0, 1, 0, dx, 0, 1, dy);
        Mat out = new Mat();
        Imgproc.warpAffine(m, out, t, m.size(), Imgproc.INTER_NEAREST, Core.BORDER_CONSTANT, new Scalar(fill));
        Pixels16.write(d, out);
    }

    /** Adds an N/2 ghost: the image shifted by half its height, times {@code share}. */
    public static void ghost(Dataset d, double share) {
        Mat m = Pixels16.read(d);
        int half = m.rows() / 2;
        Mat ghost = new Mat(m.size(), CvType.CV_32F);
        m.rowRange(half, m.rows()).copyTo(ghost.rowRange(0, m.rows() - half));
        m.rowRange(0, half).copyTo(ghost.rowRange(m.rows() - half, m.rows()));
        Core.addWeighted(m, 1, ghost, share, 0, m);
        Pixels16.write(d, m);
    }

    /** Closes collimator shutters from top and bottom, leaving {@code keep} of the height open. */
    public static void collimate(Dataset d, double keep, double shutterStored) {
        Mat m = Pixels16.read(d);
        int band = (int) (m.rows() * (1 - keep) / 2);
        Imgproc.rectangle(m, new Point(0, 0), new Point(m.cols(), band), new Scalar(shutterStored), -1);
        Imgproc.rectangle(m, new Point(0, m.rows() - band), new Point(m.cols(), m.rows()),
                new Scalar(shutterStored), -1);
        Pixels16.write(d, m);
    }

    /** Squeezes the values towards their mean by {@code factor} (under 1): flat, low-contrast exposure. */
    public static void flatten(Dataset d, double factor) {
        Mat m = Pixels16.read(d);
        double mean = Core.mean(m).val[0];
        m.convertTo(m, CvType.CV_32F, factor, mean * (1 - factor));
        Pixels16.write(d, m);
    }

}
