package org.hrnode.dicom.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * Native (uncompressed) Pixel Data cut into frames and put back together, in the uncompressed DICOM layout
 * codecs exchange: little endian. A big-endian dataset's pixel data (retired Explicit VR Big Endian) is swapped
 * sample by sample on the way in, as pydicom and DCMTK read it; frames are only ever written little endian.
 */
public final class NativeFrames {

    private NativeFrames() {
    }

    /** Every frame of the dataset's native Pixel Data; frames referenced as bulk data are read one by one. */
    public static List<byte[]> read(Dataset dataset, PixelDescription description) throws PixelDataException {
        if (description.bitsAllocated() < Byte.SIZE) {
            throw new PixelDataException("1-bit pixel data is packed across frames and is not transcoded");
        }
        Object value = dataset.getValue(Tag.PixelData);
        long frameLength = description.frameLength();
        long available = switch (value) {
            case byte[] b -> b.length;
            case BulkData bd -> bd.length();
            case null -> throw new PixelDataException("the dataset has no Pixel Data");
            default -> throw new PixelDataException("Pixel Data is encapsulated, not native");
        };
        int frames = description.numberOfFrames();
        if (available < frameLength * frames) {
            throw new PixelDataException("native Pixel Data of " + available + " bytes is shorter than " + frames
                    + " frames of " + frameLength);
        }
        boolean swap = dataset.isBigEndian() && dataset.vrOf(Tag.PixelData) != VR.OB;
        List<byte[]> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            byte[] frame = frameAt(value, (long) f * frameLength, Math.toIntExact(frameLength));
            out.add(swap ? swapSamples(frame, description.bytesPerSample()) : frame);
        }
        return out;
    }

    /** Sets native Pixel Data of a little-endian dataset from frames: OB for 8-bit samples, OW otherwise. */
    public static void write(Dataset dataset, List<byte[]> frames, PixelDescription description) {
        if (dataset.isBigEndian()) {
            throw new IllegalArgumentException("native frames are written to little-endian datasets only");
        }
        long total = frames.stream().mapToLong(f -> f.length).sum();
        byte[] pixels = new byte[Math.toIntExact(total + (total & 1))];
        int offset = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, pixels, offset, frame.length);
            offset += frame.length;
        }
        VR vr = description.bitsAllocated() > Byte.SIZE ? VR.OW : VR.OB;
        dataset.set(Tag.PixelData, vr, pixels);
    }

    private static byte[] frameAt(Object value, long offset, int length) throws PixelDataException {
        if (value instanceof byte[] b) {
            byte[] frame = new byte[length];
            System.arraycopy(b, Math.toIntExact(offset), frame, 0, length);
            return frame;
        }
        BulkData bd = (BulkData) value;
        try {
            return new BulkData(bd.uri(), bd.offset() + offset, length).readAll();
        } catch (IOException e) {
            throw new PixelDataException("cannot read a frame of Pixel Data from " + bd.uri() + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] swapSamples(byte[] bytes, int width) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i + width <= out.length; i += width) {
            for (int b = 0; b < width; b++) {
                out[i + b] = bytes[i + width - 1 - b];
            }
        }
        return out;
    }
}
