package org.hrnode.dicom.codec.j2k;

import org.hrnode.dicom.codec.PixelDataException;

/**
 * Reads the one fact of a JPEG 2000 main header (ISO 15444-1 §A.6) that the library does not expose and a
 * lossless archive needs: whether the coding style default (COD) and every per-component override (COC) name the
 * reversible 5/3 wavelet. DICOM images have at most 4 components, so a COC's component index is one byte.
 */
public final class Jpeg2000Codestream {

    private static final int MARKER_PREFIX = 0xFF;
    private static final int SOC = 0x4F;
    private static final int COD = 0x52;
    private static final int COC = 0x53;
    private static final int SOT = 0x90;
    private static final int MARKER_LENGTH = 2;
    /** From the COD marker: Lcod (2), Scod (1), SGcod (4), then levels, xcb, ycb, style (1 each). */
    private static final int COD_TRANSFORM_OFFSET = MARKER_LENGTH + 2 + 1 + 4 + 4;
    /** From the COC marker: Lcoc (2), Ccoc (1), Scoc (1), then levels, xcb, ycb, style (1 each). */
    private static final int COC_TRANSFORM_OFFSET = MARKER_LENGTH + 2 + 1 + 1 + 4;
    private static final int REVERSIBLE_5_3 = 1;

    private Jpeg2000Codestream() {
    }

    /** Whether the codestream's COD and COC markers all name the reversible 5/3 wavelet. */
    public static boolean isReversible(byte[] codestream) throws PixelDataException {
        if (codestream.length < MARKER_LENGTH || (codestream[0] & 0xFF) != MARKER_PREFIX
                || (codestream[1] & 0xFF) != SOC) {
            throw new PixelDataException("JPEG 2000 frame does not start with SOC: not a raw codestream");
        }
        int at = MARKER_LENGTH;
        boolean sawCod = false;
        boolean reversible = true;
        while (at + MARKER_LENGTH + 2 <= codestream.length && (codestream[at] & 0xFF) == MARKER_PREFIX) {
            int marker = codestream[at + 1] & 0xFF;
            if (marker == SOT) {
                break;
            }
            int transformOffset = marker == COD ? COD_TRANSFORM_OFFSET : marker == COC ? COC_TRANSFORM_OFFSET : -1;
            if (transformOffset > 0) {
                if (at + transformOffset >= codestream.length) {
                    break;
                }
                sawCod |= marker == COD;
                reversible &= (codestream[at + transformOffset] & 0xFF) == REVERSIBLE_5_3;
            }
            int length = ((codestream[at + 2] & 0xFF) << Byte.SIZE) | (codestream[at + 3] & 0xFF);
            at += MARKER_LENGTH + length;
        }
        if (!sawCod) {
            throw new PixelDataException("JPEG 2000 main header has no complete COD marker");
        }
        return reversible;
    }
}
