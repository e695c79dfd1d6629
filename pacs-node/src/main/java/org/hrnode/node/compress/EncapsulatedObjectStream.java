package org.hrnode.node.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomWriter;

/**
 * A Part 10 object with encapsulated Pixel Data, produced while it is read: the header first, then each frame
 * encoded only when the reader has taken the previous one, then the sequence delimiter. The blob store's put reads
 * it like any stream, so a multi-frame object is compressed holding one native and one encoded frame, never the
 * whole object.
 *
 * <p>The Pixel Data element is laid out by hand (PS3.5 §A.4: undefined length, an empty Basic Offset Table — allowed
 * and what lets it be written before the frame sizes are known — one fragment per frame, a Sequence Delimitation
 * Item) because {@link DicomWriter} writes fragments it already holds. One fragment per frame is how readers tell
 * the frames apart without an offset table.
 */
final class EncapsulatedObjectStream extends InputStream {

    /** Where the native frames come from, one at a time. */
    @FunctionalInterface
    interface NativeFrameSource {
        /** Native frame {@code number} (from 1), {@code length} bytes, little endian. */
        byte[] frame(int number, int length) throws IOException;
    }

    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] DICM = {'D', 'I', 'C', 'M'};
    private static final int ITEM_HEADER_LENGTH = 8;
    private static final int EXPLICIT_LONG_HEADER_LENGTH = 12;
    private static final int UNDEFINED_LENGTH = -1;
    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_DELIMITATION_ITEM = 0xFFFEE0DD;

    private final Transcoder.FrameByFrame encoding;
    private final NativeFrameSource frames;
    private final int frameCount;
    private byte[] chunk;
    private int at;
    private int nextFrame = 1;
    private boolean ended;

    /**
     * @param meta     the File Meta Information of the result (its transfer syntax is the encapsulated target)
     * @param encoding the target's header and frame encoder, from {@link Transcoder#frameByFrame}
     */
    EncapsulatedObjectStream(Dataset meta, Transcoder.FrameByFrame encoding, NativeFrameSource frames)
            throws IOException {
        this.encoding = encoding;
        this.frames = frames;
        this.frameCount = encoding.raw().numberOfFrames();
        this.chunk = head(meta, encoding.header());
    }

    private static byte[] head(Dataset meta, Dataset header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[PREAMBLE_LENGTH]);
        out.write(DICM);
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writeFileMetaInformation(meta);
            writer.writeDataset(header, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        ByteBuffer pixelData = littleEndian(EXPLICIT_LONG_HEADER_LENGTH + ITEM_HEADER_LENGTH);
        pixelData.putShort((short) (Tag.PixelData >>> 16)).putShort((short) Tag.PixelData)
                .put((byte) 'O').put((byte) 'B').putShort((short) 0).putInt(UNDEFINED_LENGTH);
        pixelData.put(itemHeader(ITEM, 0));
        out.write(pixelData.array());
        return out.toByteArray();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at == chunk.length) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
    }

    /** The next frame's item, or the delimiter after the last; false at the end. */
    private boolean advance() throws IOException {
        if (ended) {
            return false;
        }
        at = 0;
        if (nextFrame > frameCount) {
            chunk = itemHeader(SEQUENCE_DELIMITATION_ITEM, 0);
            ended = true;
            return true;
        }
        int number = nextFrame++;
        byte[] encoded;
        try {
            encoded = encoding.encoder().encode(number,
                    frames.frame(number, Math.toIntExact(encoding.raw().frameLength())));
        } catch (PixelDataException e) {
            throw new IOException("frame " + number + " of " + frameCount + ": " + e.getMessage(), e);
        }
        int padded = encoded.length + (encoded.length & 1);
        chunk = new byte[ITEM_HEADER_LENGTH + padded];
        System.arraycopy(itemHeader(ITEM, padded), 0, chunk, 0, ITEM_HEADER_LENGTH);
        System.arraycopy(encoded, 0, chunk, ITEM_HEADER_LENGTH, encoded.length);
        return true;
    }

    private static byte[] itemHeader(int tag, int length) {
        return littleEndian(ITEM_HEADER_LENGTH).putShort((short) (tag >>> 16)).putShort((short) tag)
                .putInt(length).array();
    }

    private static ByteBuffer littleEndian(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }
}
