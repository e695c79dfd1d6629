package org.hrnode.dicom.codec;

import java.util.Arrays;

/**
 * Rearranges and normalises uncompressed frames: planar ↔ interleaved, and the bits above High Bit, which
 * PS3.5 §8.1.1 leaves unspecified but which codecs must agree on for frames to compare byte for byte.
 */
public final class FrameLayout {

    private FrameLayout() {
    }

    /** The frame in {@code targetPlanar} layout (a copy when it changes, the frame itself otherwise). */
    public static byte[] withPlanarConfiguration(byte[] frame, PixelDescription description, int targetPlanar) {
        if (description.samplesPerPixel() == 1 || description.planarConfiguration() == targetPlanar) {
            return frame;
        }
        return targetPlanar == 1 ? toPlanar(frame, description) : toInterleaved(frame, description);
    }

    /** RGBRGB… → RR…GG…BB… for samples of {@code bytesPerSample} bytes. */
    public static byte[] toPlanar(byte[] interleaved, PixelDescription description) {
        int samples = description.samplesPerPixel();
        int width = description.bytesPerSample();
        int pixels = description.pixelsPerFrame();
        byte[] planar = new byte[interleaved.length];
        for (int p = 0; p < pixels; p++) {
            for (int s = 0; s < samples; s++) {
                System.arraycopy(interleaved, (p * samples + s) * width, planar, (s * pixels + p) * width, width);
            }
        }
        return planar;
    }

    /** RR…GG…BB… → RGBRGB…. */
    public static byte[] toInterleaved(byte[] planar, PixelDescription description) {
        int samples = description.samplesPerPixel();
        int width = description.bytesPerSample();
        int pixels = description.pixelsPerFrame();
        byte[] interleaved = new byte[planar.length];
        for (int s = 0; s < samples; s++) {
            for (int p = 0; p < pixels; p++) {
                System.arraycopy(planar, (s * pixels + p) * width, interleaved, (p * samples + s) * width, width);
            }
        }
        return interleaved;
    }

    /**
     * Sets the bits above High Bit of every sample as a decoder produces them: copies of the sign bit for
     * Pixel Representation 1, zero otherwise. In place; frames whose stored bits fill the sample are untouched.
     */
    public static void normalise(byte[] frame, PixelDescription description) {
        int width = description.bytesPerSample();
        int stored = description.bitsStored();
        if (width == 0 || stored == description.bitsAllocated() || !description.isLowBitAligned()) {
            return;
        }
        int unused = Long.SIZE - stored;
        boolean signed = description.isSigned();
        for (int offset = 0; offset + width <= frame.length; offset += width) {
            long value = readLittleEndian(frame, offset, width);
            long normal = signed ? (value << unused) >> unused : value & ((1L << stored) - 1);
            if (normal != value) {
                writeLittleEndian(frame, offset, width, normal);
            }
        }
    }

    /** Whether every sample already has its bits above High Bit as {@link #normalise} would set them. */
    public static boolean isNormalised(byte[] frame, PixelDescription description) {
        byte[] copy = frame.clone();
        normalise(copy, description);
        return Arrays.equals(copy, frame);
    }

    /** The unsigned little-endian integer of {@code width} bytes at {@code offset}. */
    public static long readLittleEndian(byte[] bytes, int offset, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << Byte.SIZE) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /** Writes the low {@code width} bytes of {@code value} little endian at {@code offset}. */
    public static void writeLittleEndian(byte[] bytes, int offset, int width, long value) {
        long v = value;
        for (int i = 0; i < width; i++) {
            bytes[offset + i] = (byte) v;
            v >>>= Byte.SIZE;
        }
    }
}
