package org.hrnode.dicom.codec.rle;

import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;

/**
 * RLE Lossless (PS3.5 Annex G) decoder. Written here because no maintained Java library on Maven Central
 * decodes DICOM RLE, and Annex G is short enough to hold to account with tests against DCMTK and pydicom.
 *
 * <p>Decoded frames take the layout the dataset declares: RLE always codes plane by plane, and senders set
 * Planar Configuration 0 or 1 to say how the decoded pixels are to be read (PS3.5 §G.2 note), so both are honoured.
 * RLE codes whole bytes, so the bits above High Bit come back exactly as they were encoded.
 */
public final class RleDecoder implements FrameDecoder {

    @Override
    public PixelDescription decodedDescription(PixelDescription stored) {
        return stored;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, PixelDescription stored) throws PixelDataException {
        int segments = RleHeader.segmentsFor(stored);
        int[] bounds = RleHeader.readOffsets(encodedFrame, segments);
        int pixels = stored.pixelsPerFrame();
        int width = stored.bytesPerSample();
        int samples = stored.samplesPerPixel();
        boolean planar = stored.planarConfiguration() == 1;
        byte[] frame = new byte[Math.toIntExact(stored.frameLength())];
        byte[] segment = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            PackBits.decode(encodedFrame, bounds[s], bounds[s + 1], segment, s);
            int sample = s / width;
            int byteInSample = width - 1 - s % width;
            for (int p = 0; p < pixels; p++) {
                int index = planar ? sample * pixels + p : p * samples + sample;
                frame[index * width + byteInSample] = segment[p];
            }
        }
        return frame;
    }
}
