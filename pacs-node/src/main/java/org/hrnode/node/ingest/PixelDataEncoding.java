package org.hrnode.node.ingest;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;

/**
 * Whether the Pixel Data element that follows a parsed header is in fragments (undefined length) although the transfer
 * syntax is not an encapsulated one. Ingest parses headers only, up to Pixel Data, so without this look at the
 * element's header a data set whose compressed fragments the sender labelled with an uncompressed syntax would be
 * stored and acknowledged although nothing can read it back (PixelMed sends such data sets when a compressed file
 * meets an uncompressed context of its SOP class; DCMTK's storescp aborts on them). Reads the element header from
 * the captured copy of the object; where the copy ends before it, the answer is no.
 */
final class PixelDataEncoding {

    private static final int UNDEFINED_LENGTH = 0xFFFF_FFFF;
    /** Tag, then in implicit VR the 4-byte length. */
    private static final int IMPLICIT_LENGTH_OFFSET = 4;
    /** Tag, VR, 2 reserved bytes, then the 4-byte length of the OB/OW/UN header form. */
    private static final int EXPLICIT_LENGTH_OFFSET = 8;
    private static final int TAG_GROUP_LENGTH = 2;
    private static final int HEADER_LENGTH = EXPLICIT_LENGTH_OFFSET + Integer.BYTES;

    private PixelDataEncoding() {
    }

    /**
     * @param captured the object's first bytes, File Meta Information included
     * @param dataSetStart where the data set starts in the object
     * @param pixelDataPosition where the header parse stopped, in the (inflated, for deflated syntaxes) data set's
     *     coordinates as the reader counts them: from the object's start
     */
    static boolean fragmentsInNativeSyntax(byte[] captured, int capturedLength, long dataSetStart,
            long pixelDataPosition, TransferSyntax ts) throws IOException {
        if (ts.isEncapsulated()) {
            return false;
        }
        byte[] header = elementHeader(captured, capturedLength, dataSetStart, pixelDataPosition, ts);
        if (header.length < HEADER_LENGTH) {
            return false;
        }
        ByteBuffer bytes = ByteBuffer.wrap(header).order(ts.isBigEndian() ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        int tag = (bytes.getShort(0) & 0xFFFF) << Short.SIZE | (bytes.getShort(TAG_GROUP_LENGTH) & 0xFFFF);
        if (tag != Tag.PixelData) {
            return false;
        }
        int lengthOffset = ts.isImplicitVR() ? IMPLICIT_LENGTH_OFFSET : EXPLICIT_LENGTH_OFFSET;
        return bytes.getInt(lengthOffset) == UNDEFINED_LENGTH;
    }

    private static byte[] elementHeader(byte[] captured, int capturedLength, long dataSetStart, long position,
            TransferSyntax ts) throws IOException {
        if (!ts.isDeflated()) {
            int from = (int) Math.min(position, capturedLength);
            int to = (int) Math.min(position + HEADER_LENGTH, capturedLength);
            return Arrays.copyOfRange(captured, from, to);
        }
        int start = (int) Math.min(dataSetStart, capturedLength);
        try (InputStream inflated = new InflaterInputStream(
                new ByteArrayInputStream(captured, start, capturedLength - start), new Inflater(true))) {
            inflated.skipNBytes(position - dataSetStart);
            return inflated.readNBytes(HEADER_LENGTH);
        } catch (EOFException capturedCopyEndsBeforeIt) {
            return new byte[0];
        }
    }
}
