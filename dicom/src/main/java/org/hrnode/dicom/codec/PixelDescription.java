package org.hrnode.dicom.codec;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * What the Image Pixel module (PS3.3 §C.7.6.3) says about a frame, read once from a dataset so that codecs never
 * look at attributes themselves. Frames handed between codecs are always in the uncompressed DICOM layout this
 * describes: little endian, {@link #bytesPerSample()} bytes a sample, pixel-interleaved when Planar Configuration
 * is 0 and plane by plane when it is 1.
 *
 * @param pixelRepresentation 0 unsigned, 1 two's complement
 * @param planarConfiguration 0 interleaved (RGBRGB…), 1 by plane (RR…GG…BB…); 0 for one sample
 */
public record PixelDescription(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        int highBit, int pixelRepresentation, int planarConfiguration, String photometricInterpretation,
        int numberOfFrames) {

    private static final int MAX_SAMPLES_PER_PIXEL = 4;
    private static final int MAX_DIMENSION = 0xFFFF;

    public PixelDescription {
        if (rows < 1 || columns < 1 || rows > MAX_DIMENSION || columns > MAX_DIMENSION) {
            throw new IllegalArgumentException("Rows and Columns must be 1..65535, got " + rows + "x" + columns);
        }
        if (samplesPerPixel < 1 || samplesPerPixel > MAX_SAMPLES_PER_PIXEL) {
            throw new IllegalArgumentException("Samples per Pixel must be 1..4, got " + samplesPerPixel);
        }
        if (bitsAllocated != 1 && (bitsAllocated % Byte.SIZE != 0 || bitsAllocated > Long.SIZE)) {
            throw new IllegalArgumentException("Bits Allocated must be 1 or a multiple of 8 up to 64, got "
                    + bitsAllocated);
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new IllegalArgumentException("Bits Stored " + bitsStored + " / High Bit " + highBit
                    + " do not fit Bits Allocated " + bitsAllocated);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new IllegalArgumentException("Pixel Representation must be 0 or 1, got " + pixelRepresentation);
        }
        if (planarConfiguration != 0 && planarConfiguration != 1) {
            throw new IllegalArgumentException("Planar Configuration must be 0 or 1, got " + planarConfiguration);
        }
        if (numberOfFrames < 1) {
            throw new IllegalArgumentException("Number of Frames must be at least 1, got " + numberOfFrames);
        }
        if (samplesPerPixel == 1) {
            planarConfiguration = 0;
        }
    }

    /**
     * Reads the Image Pixel module. Absent optional attributes take the values PS3.3 implies: one sample, Bits
     * Stored = Bits Allocated, High Bit = Bits Stored − 1, unsigned, interleaved, MONOCHROME2, one frame.
     */
    public static PixelDescription of(Dataset dataset) throws PixelDataException {
        try {
            int rows = required(dataset, Tag.Rows);
            int columns = required(dataset, Tag.Columns);
            int bitsAllocated = required(dataset, Tag.BitsAllocated);
            int bitsStored = dataset.getInt(Tag.BitsStored, bitsAllocated);
            String photometric = dataset.getString(Tag.PhotometricInterpretation, Photometric.MONOCHROME2);
            return new PixelDescription(rows, columns, dataset.getInt(Tag.SamplesPerPixel, 1), bitsAllocated,
                    bitsStored, dataset.getInt(Tag.HighBit, bitsStored - 1), dataset.getInt(Tag.PixelRepresentation, 0),
                    dataset.getInt(Tag.PlanarConfiguration, 0), photometric.strip(),
                    dataset.getInt(Tag.NumberOfFrames, 1));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PixelDataException("Image Pixel module unusable: " + e.getMessage(), e);
        }
    }

    private static int required(Dataset dataset, int tag) throws PixelDataException {
        int value = dataset.getInt(tag, -1);
        if (value < 0) {
            throw new PixelDataException("Image Pixel module lacks " + Tags.toString(tag));
        }
        return value;
    }

    /** Writes back what a codec may change: Photometric Interpretation and Planar Configuration. */
    public void applyTo(Dataset dataset) {
        dataset.setString(Tag.PhotometricInterpretation, VR.CS, photometricInterpretation);
        if (samplesPerPixel > 1) {
            dataset.setInts(Tag.PlanarConfiguration, VR.US, planarConfiguration);
        }
    }

    public boolean isSigned() {
        return pixelRepresentation == 1;
    }

    /** Bytes of one sample in a frame; frames of 1-bit pixels are not byte addressed and have none. */
    public int bytesPerSample() {
        return bitsAllocated / Byte.SIZE;
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    public int samplesPerFrame() {
        return pixelsPerFrame() * samplesPerPixel;
    }

    /** Bytes of one uncompressed frame (bits, rounded up, for 1-bit pixels). */
    public long frameLength() {
        long bits = (long) samplesPerFrame() * bitsAllocated;
        return (bits + Byte.SIZE - 1) / Byte.SIZE;
    }

    /** Whether the stored bits start at bit 0, as every compressed transfer syntax requires. */
    public boolean isLowBitAligned() {
        return highBit == bitsStored - 1;
    }

    public PixelDescription withPhotometricInterpretation(String photometric) {
        return new PixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit,
                pixelRepresentation, planarConfiguration, photometric, numberOfFrames);
    }

    public PixelDescription withPlanarConfiguration(int planar) {
        return new PixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit,
                pixelRepresentation, planar, photometricInterpretation, numberOfFrames);
    }

    /** Throws unless frames are byte addressed with at most {@code maxBitsStored} significant bits, low aligned. */
    public void requireCodecLayout(String codec, int maxBitsStored) throws PixelDataException {
        if (bitsAllocated < Byte.SIZE) {
            throw new PixelDataException(codec + " cannot hold 1-bit pixels");
        }
        if (bitsStored > maxBitsStored) {
            throw new PixelDataException(codec + " holds at most " + maxBitsStored + " bits a sample, the image has "
                    + bitsStored);
        }
        if (!isLowBitAligned()) {
            throw new PixelDataException(codec + " needs High Bit = Bits Stored - 1, the image has High Bit "
                    + highBit + " with " + bitsStored + " bits stored");
        }
    }
}
