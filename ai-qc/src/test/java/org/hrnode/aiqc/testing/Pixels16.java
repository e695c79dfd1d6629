package org.hrnode.aiqc.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Native 16-bit Pixel Data of test datasets as float stored values, and the degradations the tests apply to it
 * (noise, blur, clipping), always written back as valid stored values of the image's Bits Stored and sign.
 */
public final class Pixels16 {

    private Pixels16() {
    }

    /** Sets a one-frame native 16-bit monochrome image. */
    public static void setImage(Dataset d, int rows, int cols, float[] stored, int bitsStored, boolean signed,
            String photometric) {
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, photometric);
        d.setInts(Tag.Rows, VR.US, rows);
        d.setInts(Tag.Columns, VR.US, cols);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setInts(Tag.BitsStored, VR.US, bitsStored);
        d.setInts(Tag.HighBit, VR.US, bitsStored - 1);
        d.setInts(Tag.PixelRepresentation, VR.US, signed ? 1 : 0);
        write(d, stored);
    }

    public static Mat read(Dataset d) {
        int rows = d.getInt(Tag.Rows, 0);
        int cols = d.getInt(Tag.Columns, 0);
        boolean signed = d.getInt(Tag.PixelRepresentation, 0) == 1;
        short[] s = new short[rows * cols];
        ByteBuffer.wrap(d.getBytes(Tag.PixelData)).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = signed ? s[i] : s[i] & 0xFFFF;
        }
        Mat m = new Mat(rows, cols, CvType.CV_32F);
        m.put(0, 0, f);
        return m;
    }

    public static void write(Dataset d, Mat values) {
        float[] f = new float[(int) values.total()];
        values.get(0, 0, f);
        write(d, f);
    }

    private static void write(Dataset d, float[] stored) {
        boolean signed = d.getInt(Tag.PixelRepresentation, 0) == 1;
        int bits = d.getInt(Tag.BitsStored, 16);
        long min = signed ? -(1L << (bits - 1)) : 0;
        long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        ByteBuffer b = ByteBuffer.allocate(stored.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : stored) {
            b.putShort((short) Math.max(min, Math.min(max, Math.round(v))));
        }
        d.set(Tag.PixelData, VR.OW, b.array());
    }

    /** Adds Gaussian noise of standard deviation {@code sd} (stored units), reproducibly. */
    public static void addNoise(Dataset d, double sd, long seed) {
        Mat m = read(d);
        Mat noise = new Mat(m.size(), CvType.CV_32F);
        Core.setRNGSeed((int) seed);
        Core.randn(noise, 0, sd);
        Core.add(m, noise, m);
        write(d, m);
    }

    /**
     * Rician noise, as MR magnitude images have it: |value + n₁ + i·n₂| with n₁, n₂ Gaussian of {@code sd}. Air
     * becomes Rayleigh distributed, as in a real scan.
     */
    public static void addRicianNoise(Dataset d, double sd, long seed) {
        Mat m = read(d);
        float[] f = new float[(int) m.total()];
        m.get(0, 0, f);
        rician(f, sd, seed);
        write(d, f);
    }

    static void rician(float[] f, double sd, long seed) {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < f.length; i++) {
            double re = f[i] + sd * random.nextGaussian();
            double im = sd * random.nextGaussian();
            f[i] = (float) Math.sqrt(re * re + im * im);
        }
    }

    /** Gaussian blur of standard deviation {@code sigma} pixels. */
    public static void blur(Dataset d, double sigma) {
        Mat m = read(d);
        Imgproc.GaussianBlur(m, m, new Size(0, 0), sigma);
        write(d, m);
    }

    /** Clips stored values above the {@code percentile}th percentile of the stored values to that value. */
    public static void clipAbovePercentile(Dataset d, double percentile) {
        Mat m = read(d);
        float[] f = new float[(int) m.total()];
        m.get(0, 0, f);
        float[] sorted = f.clone();
        java.util.Arrays.sort(sorted);
        float limit = sorted[(int) Math.min(sorted.length - 1, percentile / 100 * sorted.length)];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.min(f[i], limit);
        }
        write(d, f);
    }

    /** Clips stored values below the {@code percentile}th percentile. */
    public static void clipBelowPercentile(Dataset d, double percentile) {
        Mat m = read(d);
        float[] f = new float[(int) m.total()];
        m.get(0, 0, f);
        float[] sorted = f.clone();
        java.util.Arrays.sort(sorted);
        float limit = sorted[(int) Math.min(sorted.length - 1, percentile / 100 * sorted.length)];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.max(f[i], limit);
        }
        write(d, f);
    }
}
