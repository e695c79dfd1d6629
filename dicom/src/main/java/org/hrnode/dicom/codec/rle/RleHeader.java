package org.hrnode.dicom.codec.rle;

import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;

/**
 * The 64-byte RLE header of PS3.5 §G.5: the number of segments, then fifteen offsets (little-endian uint32, from
 * the start of the header; unused ones zero). One segment holds one byte position of one sample across the
 * frame, most significant byte first (§G.2): a 16-bit RGB frame has six, R-high, R-low, G-high, and so on.
 */
final class RleHeader {

    static final int LENGTH = 64;
    static final int MAX_SEGMENTS = 15;
    private static final int FIELD = Integer.BYTES;

    private RleHeader() {
    }

    /** Segments a frame described so needs; more than 15 cannot be encoded as RLE. */
    static int segmentsFor(PixelDescription description) throws PixelDataException {
        if (description.bitsAllocated() < Byte.SIZE) {
            throw new PixelDataException("RLE Lossless cannot hold 1-bit pixels");
        }
        int segments = description.samplesPerPixel() * description.bytesPerSample();
        if (segments > MAX_SEGMENTS) {
            throw new PixelDataException("RLE Lossless holds at most 15 segments; " + description.samplesPerPixel()
                    + " samples of " + description.bitsAllocated() + " bits need " + segments);
        }
        return segments;
    }

    /** The segment offsets of an RLE frame, checked against its length; the last entry is the frame's end. */
    static int[] readOffsets(byte[] frame, int expectedSegments) throws PixelDataException {
        if (frame.length < LENGTH) {
            throw new PixelDataException("RLE frame of " + frame.length + " bytes is shorter than its 64-byte header");
        }
        long count = FrameLayout.readLittleEndian(frame, 0, FIELD);
        if (count != expectedSegments) {
            throw new PixelDataException("RLE header declares " + count + " segments, the Image Pixel module needs "
                    + expectedSegments);
        }
        int[] bounds = new int[expectedSegments + 1];
        for (int s = 0; s < expectedSegments; s++) {
            long offset = FrameLayout.readLittleEndian(frame, FIELD * (s + 1), FIELD);
            if (offset < LENGTH || offset > frame.length || s > 0 && offset < bounds[s - 1]) {
                throw new PixelDataException("RLE segment " + (s + 1) + " offset " + offset + " lies outside the "
                        + frame.length + "-byte frame or before the previous segment");
            }
            bounds[s] = (int) offset;
        }
        bounds[expectedSegments] = frame.length;
        return bounds;
    }

    /** Writes the header for segments of the given lengths (already padded to even lengths). */
    static void write(byte[] out, int[] segmentLengths) {
        FrameLayout.writeLittleEndian(out, 0, FIELD, segmentLengths.length);
        int offset = LENGTH;
        for (int s = 0; s < segmentLengths.length; s++) {
            FrameLayout.writeLittleEndian(out, FIELD * (s + 1), FIELD, offset);
            offset += segmentLengths[s];
        }
    }
}
