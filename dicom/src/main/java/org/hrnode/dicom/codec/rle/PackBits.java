package org.hrnode.dicom.codec.rle;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.hrnode.dicom.codec.PixelDataException;

/**
 * The byte-oriented run-length scheme of PS3.5 §G.3 (Apple PackBits): a header byte n, then n+1 literal bytes
 * (0 ≤ n ≤ 127) or one byte repeated 1−n times (−127 ≤ n ≤ −1); −128 is a no-op.
 */
final class PackBits {

    private static final int MAX_RUN = 128;
    /** A repeat of two costs as much as a literal pair, so runs start at three equal bytes. */
    private static final int MIN_REPLICATE = 3;
    private static final int NO_OP = -128;

    private PackBits() {
    }

    /**
     * Decodes {@code in[from, to)} into {@code out[0, out.length)}. Encoders may pad a segment or run past its
     * end; what follows a full segment is ignored. A segment that stops short is corrupt.
     */
    static void decode(byte[] in, int from, int to, byte[] out, int segment) throws PixelDataException {
        int i = from;
        int o = 0;
        while (o < out.length && i < to) {
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(out.length - o, to - i));
                System.arraycopy(in, i, out, o, count);
                i += n + 1;
                o += count;
            } else if (n != NO_OP) {
                if (i >= to) {
                    break;
                }
                int count = Math.min(1 - n, out.length - o);
                Arrays.fill(out, o, o + count, in[i++]);
                o += count;
            }
        }
        if (o < out.length) {
            throw new PixelDataException("RLE segment " + (segment + 1) + " decodes to " + o + " of " + out.length
                    + " bytes");
        }
    }

    /** Encodes one row; rows are encoded separately so that no run crosses a row boundary (§G.3.1). */
    static void encodeRow(byte[] row, int from, int length, ByteArrayOutputStream out) {
        int i = from;
        int end = from + length;
        int literalStart = i;
        while (i < end) {
            int run = 1;
            while (i + run < end && run < MAX_RUN && row[i + run] == row[i]) {
                run++;
            }
            if (run >= MIN_REPLICATE) {
                flushLiteral(row, literalStart, i, out);
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                literalStart = i;
            } else {
                i += run;
            }
        }
        flushLiteral(row, literalStart, end, out);
    }

    private static void flushLiteral(byte[] row, int from, int to, ByteArrayOutputStream out) {
        for (int start = from; start < to; start += MAX_RUN) {
            int count = Math.min(MAX_RUN, to - start);
            out.write(count - 1);
            out.write(row, start, count);
        }
    }
}
