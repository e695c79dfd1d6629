package org.hrnode.dicom.codec.rle;

import java.io.ByteArrayOutputStream;
import org.hrnode.dicom.codec.FrameEncoder;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * RLE Lossless (PS3.5 Annex G) encoder, written here for the reason {@link RleDecoder} gives. RLE keeps every
 * bit of every sample, those above High Bit included, so any byte-addressed frame of up to 15 segments encodes.
 *
 * <p>The dataset is labelled Planar Configuration 1, as the note to PS3.5 §G.2 advises, since the segments are
 * planes; decoders that honour the label then hand back planes.
 */
public final class RleEncoder implements FrameEncoder {

    @Override
    public TransferSyntax transferSyntax() {
        return TransferSyntax.RLE_LOSSLESS;
    }

    @Override
    public PixelDescription encodedDescription(PixelDescription raw) throws PixelDataException {
        RleHeader.segmentsFor(raw);
        return raw.withPlanarConfiguration(1);
    }

    @Override
    public byte[] encode(byte[] rawFrame, PixelDescription raw) throws PixelDataException {
        int segments = RleHeader.segmentsFor(raw);
        if (rawFrame.length != raw.frameLength()) {
            throw new PixelDataException("frame of " + rawFrame.length + " bytes, the Image Pixel module needs "
                    + raw.frameLength());
        }
        int width = raw.bytesPerSample();
        int samples = raw.samplesPerPixel();
        int pixels = raw.pixelsPerFrame();
        int columns = raw.columns();
        boolean planar = raw.planarConfiguration() == 1;
        byte[][] encoded = new byte[segments][];
        byte[] plane = new byte[pixels];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int s = 0; s < segments; s++) {
            int sample = s / width;
            int byteInSample = width - 1 - s % width;
            for (int p = 0; p < pixels; p++) {
                int index = planar ? sample * pixels + p : p * samples + sample;
                plane[p] = rawFrame[index * width + byteInSample];
            }
            out.reset();
            for (int row = 0; row < raw.rows(); row++) {
                PackBits.encodeRow(plane, row * columns, columns, out);
            }
            if ((out.size() & 1) != 0) {
                out.write(0);
            }
            encoded[s] = out.toByteArray();
        }
        return assemble(encoded);
    }

    private static byte[] assemble(byte[][] segments) {
        int[] lengths = new int[segments.length];
        int total = RleHeader.LENGTH;
        for (int s = 0; s < segments.length; s++) {
            lengths[s] = segments[s].length;
            total += lengths[s];
        }
        byte[] frame = new byte[total];
        RleHeader.write(frame, lengths);
        int offset = RleHeader.LENGTH;
        for (byte[] segment : segments) {
            System.arraycopy(segment, 0, frame, offset, segment.length);
            offset += segment.length;
        }
        return frame;
    }
}
