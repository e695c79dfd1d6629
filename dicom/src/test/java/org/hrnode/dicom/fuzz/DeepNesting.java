package org.hrnode.dicom.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;

/**
 * Generates datasets that are nothing but a sequence in a sequence in a sequence…, up to
 * {@value #MAX_DEPTH} levels: the classic way to exhaust a recursive parser's stack. Variants cover what a reader
 * recurses through: explicit SQ, implicit VR, explicit UN of undefined length (whose items are implicit VR), defined
 * and undefined lengths, and chains left unclosed as a truncated upload would leave them.
 */
final class DeepNesting {

    static final int MAX_DEPTH = 10_000;
    private static final int UNDEFINED_LENGTH = 0xFFFF_FFFF;
    private static final int ITEM = 0xFFFE_E000;
    private static final int ITEM_DELIMITATION = 0xFFFE_E00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFE_E0DD;
    private static final int NESTED_TAG = Tag.ReferencedSeriesSequence;
    private static final int ITEM_HEADER = 8;
    private static final int EXPLICIT_LONG_HEADER = 12;

    /** How the chain is encoded. */
    enum Shape { EXPLICIT_SQ, IMPLICIT, EXPLICIT_UN, DEFINED_LENGTHS }

    private DeepNesting() {
    }

    /** A bare dataset (no meta) of a random shape and depth around the reader's limit or far past it. */
    static byte[] generate(SplittableRandom rnd, int readerLimit) {
        int[] depths = {readerLimit - 1, readerLimit, readerLimit + 1, MAX_DEPTH};
        Shape shape = Shape.values()[rnd.nextInt(Shape.values().length)];
        return encode(shape, depths[rnd.nextInt(depths.length)], rnd.nextBoolean());
    }

    /** {@code depth} nested sequences of one item each; {@code closed} adds the delimiters (or is implied). */
    static byte[] encode(Shape shape, int depth, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (shape == Shape.DEFINED_LENGTHS) {
            definedLengths(out, depth);
            return out.toByteArray();
        }
        for (int level = 0; level < depth; level++) {
            if (shape == Shape.IMPLICIT || shape == Shape.EXPLICIT_UN && level > 0) {
                tag(out, NESTED_TAG);
                out.writeBytes(ByteEdits.u32(UNDEFINED_LENGTH, false));
            } else {
                explicitLongHeader(out, shape == Shape.EXPLICIT_UN ? VR.UN : VR.SQ, UNDEFINED_LENGTH);
            }
            tag(out, ITEM);
            out.writeBytes(ByteEdits.u32(UNDEFINED_LENGTH, false));
        }
        if (closed) {
            for (int level = 0; level < depth; level++) {
                tag(out, ITEM_DELIMITATION);
                out.writeBytes(ByteEdits.u32(0, false));
                tag(out, SEQUENCE_DELIMITATION);
                out.writeBytes(ByteEdits.u32(0, false));
            }
        }
        return out.toByteArray();
    }

    /** Explicit VR SQ with defined lengths, built from the innermost level out. */
    private static void definedLengths(ByteArrayOutputStream out, int depth) {
        long[] contentLength = new long[depth + 1];
        for (int level = depth - 1; level >= 0; level--) {
            contentLength[level] = EXPLICIT_LONG_HEADER + ITEM_HEADER + contentLength[level + 1];
        }
        for (int level = 0; level < depth; level++) {
            int itemLength = (int) contentLength[level + 1];
            explicitLongHeader(out, VR.SQ, ITEM_HEADER + itemLength);
            tag(out, ITEM);
            out.writeBytes(ByteEdits.u32(itemLength, false));
        }
    }

    private static void explicitLongHeader(ByteArrayOutputStream out, VR vr, int length) {
        tag(out, NESTED_TAG);
        out.writeBytes(ByteEdits.u16(vr.code(), true));
        out.writeBytes(new byte[Short.BYTES]);
        out.writeBytes(ByteEdits.u32(length, false));
    }

    private static void tag(ByteArrayOutputStream out, int tag) {
        out.writeBytes(ByteEdits.u16(Tags.group(tag), false));
        out.writeBytes(ByteEdits.u16(Tags.element(tag), false));
    }
}
