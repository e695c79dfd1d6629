package org.hrnode.aiqc.model;

import java.util.Arrays;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;

/**
 * Turns one frame of a greyscale DICOM image into the model's {@link WorkingImage}: decode with the node's codecs,
 * apply the Modality LUT (Rescale Slope/Intercept), window with the first Window Center/Width the object carries
 * (PS3.3 §C.11.2.1.2, linear) or, without one, between the 0.5th and 99.5th percentiles of the frame, invert
 * MONOCHROME1, and downsample by area averaging. Colour images (RGB, YBR_FULL) become their luminance (Rec. 601
 * weights, or the Y samples); palette colour is refused.
 */
public final class DicomWorkingImages {

    private static final double LOW_PERCENTILE = 0.005;
    private static final double HIGH_PERCENTILE = 0.995;

    private DicomWorkingImages() {
    }

    /** Frame {@code frameIndex} (0-based) of {@code dataset}, whose pixel data is in {@code ts}. */
    public static WorkingImage of(Dataset dataset, TransferSyntax ts, int frameIndex) throws PixelDataException {
        return of(new InstanceInput.LoadedPixels(dataset, ts), frameIndex);
    }

    /**
     * Frame {@code frameIndex} (0-based) of a loaded image, decoded through its shared
     * {@link org.hrnode.aiqc.check.DecodedFrame}: when the image metrics judged the same frame, it is not decoded
     * again.
     */
    public static WorkingImage of(InstanceInput.LoadedPixels pixels, int frameIndex) throws PixelDataException {
        Dataset dataset = pixels.dataset();
        TransferSyntax ts = pixels.transferSyntax();
        PixelDescription stored = PixelDescription.of(dataset);
        if (frameIndex < 0 || frameIndex >= stored.numberOfFrames()) {
            throw new PixelDataException("frame " + (frameIndex + 1) + " of " + stored.numberOfFrames());
        }
        FrameDecoder decoder = ts.isEncapsulated() ? Codecs.registry().requireDecoder(ts) : null;
        PixelDescription raw = decoder == null ? stored : decoder.decodedDescription(stored);
        String photometric = raw.photometricInterpretation();
        boolean monochrome = raw.samplesPerPixel() == 1 && photometric.startsWith("MONOCHROME");
        boolean colour = raw.samplesPerPixel() == 3 && (Photometric.RGB.equals(photometric)
                || Photometric.YBR_FULL.equals(photometric));
        if (!monochrome && !colour) {
            throw new PixelDataException("the QC model reads greyscale, RGB and YBR_FULL images, not " + photometric);
        }
        if (decoder != null && dataset.getFragments(Tag.PixelData) == null) {
            throw new PixelDataException("Pixel Data in an encapsulated transfer syntax is not encapsulated");
        }
        byte[] frame = pixels.frame().frame(stored, frameIndex);
        float[] values = monochrome ? rescaled(dataset, raw, frame) : luminance(raw, frame);
        double[] window = monochrome ? window(dataset, values) : new double[] {0, (1L << raw.bitsStored()) - 1};
        WorkingImage image = WorkingImage.downsample(values, raw.rows(), raw.columns(), window[0], window[1]);
        if (Photometric.MONOCHROME1.equals(photometric)) {
            float[] p = image.pixelsUnsafe();
            for (int i = 0; i < p.length; i++) {
                p[i] = 1 - p[i];
            }
        }
        return image;
    }

    /** Rec. 601 luma of RGB, or the Y samples of YBR_FULL, interleaved or by plane. */
    private static float[] luminance(PixelDescription d, byte[] frame) {
        int width = d.bytesPerSample();
        int n = d.pixelsPerFrame();
        boolean ybr = Photometric.YBR_FULL.equals(d.photometricInterpretation());
        float[] out = new float[n];
        long[] sample = new long[3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                int index = d.planarConfiguration() == 0 ? i * 3 + c : c * n + i;
                sample[c] = FrameLayout.readLittleEndian(frame, index * width, width);
            }
            out[i] = ybr ? sample[0] : (float) (0.299 * sample[0] + 0.587 * sample[1] + 0.114 * sample[2]);
        }
        return out;
    }

    /** Stored values through the Modality LUT, sign and bits above High Bit handled as the description says. */
    private static float[] rescaled(Dataset dataset, PixelDescription d, byte[] frame) {
        double slope = dataset.getDouble(Tag.RescaleSlope, 1);
        double intercept = dataset.getDouble(Tag.RescaleIntercept, 0);
        int width = d.bytesPerSample();
        int n = d.pixelsPerFrame();
        long mask = d.bitsStored() >= 64 ? -1L : (1L << d.bitsStored()) - 1;
        long sign = 1L << (d.bitsStored() - 1);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            long raw = FrameLayout.readLittleEndian(frame, i * width, width) & mask;
            if (d.isSigned() && (raw & sign) != 0) {
                raw -= 1L << d.bitsStored();
            }
            out[i] = (float) (raw * slope + intercept);
        }
        return out;
    }

    /** [low, high] of the display window in rescaled units. */
    private static double[] window(Dataset dataset, float[] values) {
        double center = dataset.getDouble(Tag.WindowCenter, Double.NaN);
        double width = dataset.getDouble(Tag.WindowWidth, Double.NaN);
        if (Double.isFinite(center) && Double.isFinite(width) && width >= 1) {
            return new double[] {center - 0.5 - (width - 1) / 2, center - 0.5 + (width - 1) / 2};
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double low = sorted[(int) (LOW_PERCENTILE * (sorted.length - 1))];
        double high = sorted[(int) (HIGH_PERCENTILE * (sorted.length - 1))];
        return high > low ? new double[] {low, high} : new double[] {low, low + 1};
    }
}
