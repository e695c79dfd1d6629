package org.hrnode.dicom.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hrnode.dicom.data.VR;

/**
 * Finds element headers in raw bytes without parsing them, so mutations can aim at tags, VRs and lengths. An
 * explicit VR header is recognised by a known VR code at bytes 4–5 of an even offset; this has false positives,
 * which are harmless for fuzzing.
 */
final class ElementHeaders {

    static final int VR_OFFSET = 4;
    /** Offset of the 16-bit length in an 8-byte explicit header, and of the 32-bit one in a 12-byte header. */
    static final int SHORT_LENGTH_OFFSET = 6;
    static final int LONG_LENGTH_OFFSET = 8;
    /** Offset of the 32-bit length in an implicit VR header, and in an item header. */
    static final int IMPLICIT_LENGTH_OFFSET = 4;
    static final int ITEM_HEADER_LENGTH = 8;
    private static final int MIN_EXPLICIT_HEADER = 8;

    private ElementHeaders() {
    }

    /** An even offset from 0 to the length. */
    static int evenPosition(byte[] in, SplittableRandom rnd) {
        return rnd.nextInt(in.length / 2 + 1) * 2;
    }

    /**
     * The offset of an explicit VR element header, searching forward from a random even start and wrapping around;
     * -1 if the input has none.
     */
    static int findExplicit(byte[] in, SplittableRandom rnd) {
        int last = in.length - MIN_EXPLICIT_HEADER;
        if (last < 0) {
            return -1;
        }
        int candidates = last / 2 + 1;
        int start = rnd.nextInt(candidates);
        for (int k = 0; k < candidates; k++) {
            int p = ((start + k) % candidates) * 2;
            if (vrAt(in, p) != null) {
                return p;
            }
        }
        return -1;
    }

    /**
     * The bytes from an explicit header to the next one: usually one whole element, which can be moved elsewhere
     * without breaking the framing around it. Empty if the input has no two headers.
     */
    static byte[] wholeElement(byte[] in, SplittableRandom rnd) {
        int start = findExplicit(in, rnd);
        if (start < 0) {
            return new byte[0];
        }
        for (int p = start + MIN_EXPLICIT_HEADER; p + MIN_EXPLICIT_HEADER <= in.length; p += 2) {
            if (vrAt(in, p) != null) {
                return Arrays.copyOfRange(in, start, p);
            }
        }
        return new byte[0];
    }

    /** An explicit header's offset to insert before, or the end of the input if there is none. */
    static int elementBoundary(byte[] in, SplittableRandom rnd) {
        int header = findExplicit(in, rnd);
        return header < 0 ? in.length : header;
    }

    /** Whether the explicit header at {@code header} has the 12-byte form with a 32-bit length. */
    static boolean hasLongLength(byte[] in, int header) {
        VR vr = vrAt(in, header);
        return vr != null && vr.hasLongExplicitHeader();
    }

    private static VR vrAt(byte[] in, int header) {
        int code = ((in[header + VR_OFFSET] & 0xFF) << Byte.SIZE) | (in[header + VR_OFFSET + 1] & 0xFF);
        return VR.ofCode(code);
    }
}
