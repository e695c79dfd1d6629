package org.hrnode.aiqc.metrics;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hrnode.aiqc.check.DecodedFrame;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * One monochrome frame made ready for measuring: decoded with the dicom module's codecs, the bits above High Bit
 * normalised, Modality LUT (rescale slope and intercept) applied so CT values are HU, and MONOCHROME1 inverted so
 * that brighter always means more signal on screen. The middle frame of a multi-frame image stands for it.
 *
 * <p>Two views: the {@link #overview()}, area-averaged to at most {@link #overviewLimit} pixels on its long side
 * (valid for what depends on regions and histograms: field, centring, clipping, truncation, rings, SNR — a DR image
 * of 2500×3000 pixels is measured at 427×512), and {@link #detail(Rect)}, a full-resolution crop, for what area
 * averaging would destroy: sharpness and noise. Counts of clipped pixels are taken at full resolution, because an
 * average hides single saturated pixels.
 */
public final class WorkingImage implements AutoCloseable {

    /** Long side of the overview for radiographs; CT and MR (≤ 1024 pixels in practice) are kept whole. */
    static final int DR_OVERVIEW = 512;
    static final int CROSS_SECTIONAL_OVERVIEW = 1024;

    private final Mat full;
    private final Mat overview;
    private final double scale;
    private final double slope;
    private final double intercept;
    private final boolean inverted;
    private final double storedMax;
    private final double[] pixelSpacing;
    /**
     * The native memory {@link #full} lies in, freed by {@link #close} rather than whenever the garbage collector
     * gets round to a direct buffer: a DR frame is 15 MB and the pipeline judges one after another.
     */
    private final Arena nativePixels;

    private WorkingImage(Mat full, Mat overview, double scale, double slope, double intercept, boolean inverted,
            double storedMax, double[] pixelSpacing, Arena nativePixels) {
        this.full = full;
        this.overview = overview;
        this.scale = scale;
        this.slope = slope;
        this.intercept = intercept;
        this.inverted = inverted;
        this.storedMax = storedMax;
        this.pixelSpacing = pixelSpacing;
        this.nativePixels = nativePixels;
    }

    /** Decodes the image's middle frame; throws when there are no pixels or they cannot be decoded here. */
    public static WorkingImage decode(Dataset dataset, TransferSyntax ts, ModalityFamily family)
            throws UndecodableImageException {
        return decode(new InstanceInput.LoadedPixels(dataset, ts), family);
    }

    /**
     * The middle frame of {@code pixels}, decoded through its shared {@link DecodedFrame} (so another engine reading
     * the same loaded image does not decode it again); throws when there are no pixels or they cannot be decoded.
     */
    public static WorkingImage decode(InstanceInput.LoadedPixels pixels, ModalityFamily family)
            throws UndecodableImageException {
        OpenCvLoader.load();
        Dataset dataset = pixels.dataset();
        TransferSyntax ts = pixels.transferSyntax();
        PixelDescription stored;
        try {
            stored = PixelDescription.of(dataset);
        } catch (PixelDataException e) {
            throw UndecodableImageException.broken(e.getMessage(), e);
        }
        if (stored.samplesPerPixel() != 1) {
            throw UndecodableImageException.unsupported("colour image (" + stored.photometricInterpretation()
                    + "): the metrics judge monochrome DR, CT and MR images only");
        }
        if (stored.bitsAllocated() != 8 && stored.bitsAllocated() != 16) {
            throw UndecodableImageException.unsupported("Bits Allocated " + stored.bitsAllocated()
                    + " is not an image depth the metrics read (8 or 16)");
        }
        int frameIndex = stored.numberOfFrames() / 2;
        byte[] frame;
        PixelDescription raw;
        try {
            if (ts.isEncapsulated()) {
                FrameDecoder decoder = Codecs.registry().requireDecoder(ts);
                if (dataset.getFragments(Tag.PixelData) == null) {
                    throw UndecodableImageException.broken("no encapsulated Pixel Data", null);
                }
                raw = decoder.decodedDescription(stored);
            } else {
                raw = stored;
            }
            frame = pixels.frame().frame(stored, frameIndex);
        } catch (PixelDataException | RuntimeException e) {
            throw UndecodableImageException.broken("Pixel Data cannot be decoded: " + e.getMessage(), e);
        }
        try {
            return of(frame, raw, dataset, family);
        } catch (RuntimeException e) {
            throw UndecodableImageException.broken("decoded pixels do not form an image: " + e.getMessage(), e);
        }
    }

    private static WorkingImage of(byte[] frame, PixelDescription d, Dataset dataset, ModalityFamily family) {
        boolean signed = d.isSigned();
        int length = Math.toIntExact(d.frameLength());
        if (signed && d.bitsStored() < d.bitsAllocated()) {
            frame = java.util.Arrays.copyOf(frame, length);
            FrameLayout.normalise(frame, d);
        }
        // One copy into native memory, which the Mat then uses in place; DICOM frames are little endian like
        // every platform OpenCV ships natives for.
        Arena arena = Arena.ofConfined();
        try {
            MemorySegment segment = arena.allocate(length);
            MemorySegment.copy(frame, 0, segment, ValueLayout.JAVA_BYTE, 0, length);
            return of(frame, segment.asByteBuffer(), arena, d, dataset, family);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static WorkingImage of(byte[] frame, ByteBuffer pixels, Arena arena, PixelDescription d, Dataset dataset,
            ModalityFamily family) {
        boolean signed = d.isSigned();
        int type = d.bitsAllocated() == 8 ? (signed ? CvType.CV_8S : CvType.CV_8U)
                : (signed ? CvType.CV_16S : CvType.CV_16U);
        Mat full = new Mat(d.rows(), d.columns(), type, pixels);
        if (!signed && d.bitsStored() < d.bitsAllocated() && d.isLowBitAligned()
                && Core.minMaxLoc(full).maxVal > (1 << d.bitsStored()) - 1) {
            // Bits above High Bit hold overlays or garbage (retired practice); they are not pixel values.
            full = masked(frame, d);
        }
        double slope = family == ModalityFamily.DR ? 1 : dataset.getDouble(Tag.RescaleSlope, 1);
        double intercept = family == ModalityFamily.DR ? 0 : dataset.getDouble(Tag.RescaleIntercept, 0);
        if (slope == 0) {
            slope = 1;
        }
        boolean inverted = Photometric.MONOCHROME1.equals(d.photometricInterpretation());
        double storedMax = signed ? (1 << (d.bitsStored() - 1)) - 1 : (1 << d.bitsStored()) - 1;
        int limit = family == ModalityFamily.DR ? DR_OVERVIEW : CROSS_SECTIONAL_OVERVIEW;
        double scale = Math.min(1.0, (double) limit / Math.max(d.rows(), d.columns()));
        Mat small = full;
        if (scale < 1) {
            small = new Mat();
            Imgproc.resize(full, small, new Size(Math.max(1, Math.round(d.columns() * scale)),
                    Math.max(1, Math.round(d.rows() * scale))), 0, 0, Imgproc.INTER_AREA);
        }
        double[] spacing = dataset.getDoubles(Tag.PixelSpacing);
        if (spacing.length != 2) {
            spacing = dataset.getDoubles(Tag.ImagerPixelSpacing);
        }
        WorkingImage image = new WorkingImage(full, null, scale, slope, intercept, inverted, storedMax,
                spacing.length == 2 ? spacing : null, arena);
        Mat values = image.toValues(small);
        if (small != full) {
            small.release();
        }
        return image.withOverview(values);
    }

    private static Mat masked(byte[] frame, PixelDescription d) {
        int mask = (1 << d.bitsStored()) - 1;
        if (d.bitsAllocated() == 8) {
            byte[] b = new byte[d.pixelsPerFrame()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (frame[i] & mask);
            }
            Mat m = new Mat(d.rows(), d.columns(), CvType.CV_8U);
            m.put(0, 0, b);
            return m;
        }
        short[] samples = new short[d.pixelsPerFrame()];
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (samples[i] & mask);
        }
        Mat m = new Mat(d.rows(), d.columns(), CvType.CV_16U);
        m.put(0, 0, samples);
        return m;
    }

    private WorkingImage withOverview(Mat values) {
        return new WorkingImage(full, values, scale, slope, intercept, inverted, storedMax, pixelSpacing,
                nativePixels);
    }

    /** Stored values → modality values (HU for CT), MONOCHROME1 inverted, as 32-bit float. */
    private Mat toValues(Mat stored) {
        Mat out = new Mat();
        if (inverted) {
            stored.convertTo(out, CvType.CV_32F, -slope, slope * storedMax + intercept);
        } else {
            stored.convertTo(out, CvType.CV_32F, slope, intercept);
        }
        return out;
    }

    /** The area-averaged view, float values (see the class comment). */
    public Mat overview() {
        return overview;
    }

    /** Overview pixels per full-resolution pixel (1 when not reduced). */
    public double scale() {
        return scale;
    }

    public int fullRows() {
        return full.rows();
    }

    public int fullColumns() {
        return full.cols();
    }

    /** Row and column spacing in mm of a full-resolution pixel, or null when the header gives none. */
    public double[] pixelSpacing() {
        return pixelSpacing == null ? null : pixelSpacing.clone();
    }

    /** The mm of one overview pixel (the larger spacing), NaN when unknown. */
    public double overviewPixelMm() {
        return pixelSpacing == null ? Double.NaN : Math.max(pixelSpacing[0], pixelSpacing[1]) / scale;
    }

    /** A full-resolution crop, as values; {@code overviewRect} is in overview coordinates. */
    public Mat detail(Rect overviewRect, int maxSide) {
        Rect r = toFull(overviewRect);
        int x = r.x;
        int y = r.y;
        int w = r.width;
        int h = r.height;
        int cw = Math.min(w, maxSide);
        int ch = Math.min(h, maxSide);
        Rect crop = new Rect(x + (w - cw) / 2, y + (h - ch) / 2, cw, ch);
        return toValues(full.submat(crop));
    }

    /** The largest value a pixel can display (stored maximum after the Modality LUT and polarity). */
    public double displayMaximum() {
        return slope * storedMax + intercept;
    }

    /**
     * The fractions of the full-resolution pixels under {@code overviewRect} that sit at the darkest and at the
     * brightest value found there (within 0.1 % of the value range): a pile-up at an end of the histogram is what
     * clipping leaves; an unclipped image has a handful of pixels at its extremes.
     */
    public double[] clippedFractions(Rect overviewRect) {
        Rect r = toFull(overviewRect);
        Mat region = full.submat(r);
        Core.MinMaxLocResult mm = Core.minMaxLoc(region);
        double tolerance = Math.max(0, (mm.maxVal - mm.minVal) * 0.001);
        Mat mask = new Mat();
        Core.compare(region, new org.opencv.core.Scalar(mm.maxVal - tolerance), mask, Core.CMP_GE);
        double atMax = Core.countNonZero(mask);
        Core.compare(region, new org.opencv.core.Scalar(mm.minVal + tolerance), mask, Core.CMP_LE);
        double atMin = Core.countNonZero(mask);
        mask.release();
        double n = r.area();
        if (mm.maxVal == mm.minVal) {
            return new double[] {1, 1};
        }
        // Stored maximum is display maximum unless MONOCHROME1 turned the image round.
        return inverted ? new double[] {atMax / n, atMin / n} : new double[] {atMin / n, atMax / n};
    }

    private Rect toFull(Rect overviewRect) {
        int x = Math.max(0, (int) Math.floor(overviewRect.x / scale));
        int y = Math.max(0, (int) Math.floor(overviewRect.y / scale));
        int w = Math.max(1, Math.min(full.cols() - x, (int) Math.ceil(overviewRect.width / scale)));
        int h = Math.max(1, Math.min(full.rows() - y, (int) Math.ceil(overviewRect.height / scale)));
        return new Rect(x, y, w, h);
    }

    /** Releases the Mats and frees the frame's native memory; call from the thread that decoded the image. */
    @Override
    public void close() {
        full.release();
        if (overview != null) {
            overview.release();
        }
        nativePixels.close();
    }
}
