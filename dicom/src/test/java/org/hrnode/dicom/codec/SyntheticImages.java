package org.hrnode.dicom.codec;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/** Small made-up images with runs, edges and noise, for codec tests that need exact control of the layout. */
final class SyntheticImages {

    private static final long SEED = 20240611L;
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    private SyntheticImages() {
    }

    static PixelDescription describe(int rows, int columns, int samples, int bitsAllocated, int bitsStored,
                                     boolean signed, int planar, int frames) {
        String photometric = samples == 3 ? Photometric.RGB : Photometric.MONOCHROME2;
        return new PixelDescription(rows, columns, samples, bitsAllocated, bitsStored, bitsStored - 1,
                signed ? 1 : 0, planar, photometric, frames);
    }

    /**
     * A frame of normalised samples: flat runs (longer than 128 on wide rows), a ramp, and noise, so that RLE
     * meets replicate and literal runs and the wavelet and predictive coders meet edges.
     */
    static byte[] frame(PixelDescription d, int frameIndex) {
        Random random = new Random(SEED + frameIndex);
        int width = d.bytesPerSample();
        byte[] frame = new byte[Math.toIntExact(d.frameLength())];
        long range = 1L << d.bitsStored();
        int samples = d.samplesPerFrame();
        for (int i = 0; i < samples; i++) {
            int pixel = i / d.samplesPerPixel();
            int row = pixel / d.columns();
            long value = switch (row % 3) {
                case 0 -> range - 1;
                case 1 -> (long) pixel * 7 % range;
                default -> random.nextLong(range);
            };
            FrameLayout.writeLittleEndian(frame, i * width, width, value);
        }
        FrameLayout.normalise(frame, d);
        return frame;
    }

    /** A Secondary Capture dataset with native pixel data holding {@code frames} (in {@code d}'s layout). */
    static Dataset dataset(PixelDescription d, List<byte[]> frames) {
        Dataset ds = new Dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, SECONDARY_CAPTURE);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234567890");
        ds.setInts(Tag.SamplesPerPixel, VR.US, d.samplesPerPixel());
        ds.setString(Tag.PhotometricInterpretation, VR.CS, d.photometricInterpretation());
        if (d.samplesPerPixel() > 1) {
            ds.setInts(Tag.PlanarConfiguration, VR.US, d.planarConfiguration());
        }
        if (d.numberOfFrames() > 1) {
            ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(d.numberOfFrames()));
        }
        ds.setInts(Tag.Rows, VR.US, d.rows());
        ds.setInts(Tag.Columns, VR.US, d.columns());
        ds.setInts(Tag.BitsAllocated, VR.US, d.bitsAllocated());
        ds.setInts(Tag.BitsStored, VR.US, d.bitsStored());
        ds.setInts(Tag.HighBit, VR.US, d.highBit());
        ds.setInts(Tag.PixelRepresentation, VR.US, d.pixelRepresentation());
        NativeFrames.write(ds, frames, d);
        return ds;
    }

    static Dataset dataset(PixelDescription d) {
        List<byte[]> frames = IntStream.range(0, d.numberOfFrames())
                .mapToObj(f -> frame(d, f)).toList();
        return dataset(d, frames);
    }
}
