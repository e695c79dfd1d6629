package org.hrnode.dicom.codec.jpegls;

import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;

/**
 * Between DICOM frames and CharLS buffers: CharLS holds a sample in one byte up to 8 bits and in two above,
 * whatever Bits Allocated says, and codes the stored bits only, as unsigned values (two's complement patterns
 * for signed pixels, PS3.5 §8.2.3).
 */
final class JpegLsSamples {

    private static final int BYTE_SAMPLE_MAX_BITS = 8;

    private JpegLsSamples() {
    }

    static int widthFor(int bitsPerSample) {
        return bitsPerSample <= BYTE_SAMPLE_MAX_BITS ? 1 : 2;
    }

    /** The stored bits of every sample, in CharLS's width. */
    static byte[] toCodec(byte[] frame, PixelDescription description) throws PixelDataException {
        int width = description.bytesPerSample();
        int codecWidth = widthFor(description.bitsStored());
        long mask = (1L << description.bitsStored()) - 1;
        int samples = description.samplesPerFrame();
        if (frame.length < (long) samples * width) {
            throw new PixelDataException("frame of " + frame.length + " bytes is shorter than " + samples
                    + " samples of " + width + " bytes");
        }
        byte[] out = new byte[samples * codecWidth];
        for (int i = 0; i < samples; i++) {
            long value = FrameLayout.readLittleEndian(frame, i * width, width) & mask;
            FrameLayout.writeLittleEndian(out, i * codecWidth, codecWidth, value);
        }
        return out;
    }

    /** CharLS samples widened to Bits Allocated; the caller normalises the bits above High Bit. */
    static byte[] fromCodec(byte[] codecSamples, int codecWidth, PixelDescription description)
            throws PixelDataException {
        int width = description.bytesPerSample();
        int samples = description.samplesPerFrame();
        if (codecSamples.length < (long) samples * codecWidth) {
            throw new PixelDataException("JPEG-LS stream decoded to " + codecSamples.length + " bytes, "
                    + samples + " samples need " + (long) samples * codecWidth);
        }
        byte[] frame = new byte[Math.toIntExact(description.frameLength())];
        for (int i = 0; i < samples; i++) {
            long value = FrameLayout.readLittleEndian(codecSamples, i * codecWidth, codecWidth);
            FrameLayout.writeLittleEndian(frame, i * width, width, value);
        }
        return frame;
    }
}
