package org.hrnode.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.hrnode.dicom.data.BinaryValues;

/**
 * A buffered reader of DICOM primitives that knows its position in the stream and can peek a few bytes ahead
 * without consuming them. It does its own buffering (not {@code BufferedInputStream}) so that peeking an element
 * header and handing the buffered remainder to a decompressor are both simple and cheap.
 */
final class DicomInput {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Values are read into memory in steps of this size so a corrupt length never allocates more than arrived. */
    private static final int READ_STEP = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private long consumedBeforeBuffer;
    private boolean bigEndian;

    DicomInput(InputStream in, long startPosition) {
        this.in = in;
        this.consumedBeforeBuffer = startPosition;
    }

    /** Position of the next byte to be read, counted from the start of this input. */
    long position() {
        return consumedBeforeBuffer + pos;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /**
     * Makes at least {@code n} (≤ buffer size) bytes available if the stream has them; returns how many are
     * available, which is less than {@code n} only at the end of the stream.
     */
    int fill(int n) throws IOException {
        if (limit - pos >= n) {
            return limit - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumedBeforeBuffer += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                break;
            }
            limit += r;
        }
        return limit;
    }

    /** Byte {@code i} ahead of the current position, unsigned; caller must have filled enough. */
    int peekByte(int i) {
        return buf[pos + i] & 0xFF;
    }

    int peekU16(int i) {
        return BinaryValues.u16(buf, pos + i, bigEndian);
    }

    int peekTag() {
        return (peekU16(0) << 16) | peekU16(2);
    }

    boolean atEnd() throws IOException {
        return fill(1) == 0;
    }

    private void require(int n, String what) throws IOException, DicomParseException {
        if (fill(n) < n) {
            throw new DicomParseException("unexpected end of data while reading " + what, position());
        }
    }

    int readU16(String what) throws IOException, DicomParseException {
        require(2, what);
        int v = BinaryValues.u16(buf, pos, bigEndian);
        pos += 2;
        return v;
    }

    int readS32(String what) throws IOException, DicomParseException {
        require(4, what);
        int v = BinaryValues.s32(buf, pos, bigEndian);
        pos += 4;
        return v;
    }

    int readTag(String what) throws IOException, DicomParseException {
        int group = readU16(what);
        return (group << 16) | readU16(what);
    }

    /** Reads the two VR characters as one int, first character in the high byte, whatever the byte order. */
    int readVRCode() throws IOException, DicomParseException {
        require(2, "VR");
        int code = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return code;
    }

    void skipBytes(long n, String what) throws IOException, DicomParseException {
        long left = n;
        int inBuffer = Math.min(limit - pos, (int) Math.min(left, Integer.MAX_VALUE));
        pos += inBuffer;
        left -= inBuffer;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new DicomParseException("unexpected end of data while skipping " + what, position());
                }
                skipped = 1;
            }
            consumedBeforeBuffer += skipped;
            left -= skipped;
        }
    }

    /**
     * Reads exactly {@code n} bytes into a new array. Memory grows with what actually arrives, in steps, so a
     * corrupt length on a short stream ends in a parse error, not an OutOfMemoryError.
     */
    byte[] readBytes(int n, String what) throws IOException, DicomParseException {
        if (n <= limit - pos) {
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }
        byte[] b = new byte[Math.min(n, READ_STEP)];
        int filled = 0;
        while (filled < n) {
            if (filled == b.length) {
                b = java.util.Arrays.copyOf(b, (int) Math.min(n, (long) b.length * 2));
            }
            int chunk = b.length - filled;
            if (pos < limit) {
                int k = Math.min(chunk, limit - pos);
                System.arraycopy(buf, pos, b, filled, k);
                pos += k;
                filled += k;
            } else {
                consumedBeforeBuffer += limit;
                pos = 0;
                limit = 0;
                int r = in.read(b, filled, chunk);
                if (r < 0) {
                    throw new DicomParseException("unexpected end of data after " + filled + " of " + n
                            + " bytes of " + what, position());
                }
                filled += r;
                consumedBeforeBuffer += r;
            }
        }
        return b;
    }

    /** Copies exactly {@code n} bytes to {@code out}. */
    void copyTo(OutputStream out, long n, String what) throws IOException, DicomParseException {
        long left = n;
        while (left > 0) {
            if (pos == limit && fill(1) == 0) {
                throw new DicomParseException("unexpected end of data while copying " + what, position());
            }
            int k = (int) Math.min(left, limit - pos);
            out.write(buf, pos, k);
            pos += k;
            left -= k;
        }
    }

    /**
     * The unread rest of the stream, buffered bytes first; this input must not be used afterwards. Used to switch to
     * a deflated dataset after the uncompressed File Meta Information.
     */
    InputStream remainder() {
        byte[] buffered = java.util.Arrays.copyOfRange(buf, pos, limit);
        pos = limit;
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buffered), in);
    }
}
