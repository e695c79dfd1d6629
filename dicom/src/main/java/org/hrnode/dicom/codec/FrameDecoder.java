package org.hrnode.dicom.codec;

/**
 * Decodes one compressed frame of one transfer syntax into the uncompressed DICOM layout. Implementations are
 * stateless and thread-safe; each call stands alone.
 */
public interface FrameDecoder {

    /**
     * What the decoded frames look like, given what the dataset says about the compressed ones: a JPEG 2000
     * decoder undoes YBR_RCT/YBR_ICT and hands back RGB, JPEG-LS and JPEG 2000 hand back interleaved samples.
     */
    PixelDescription decodedDescription(PixelDescription stored);

    /**
     * Decodes one frame (all the fragments that make it, joined) into {@link PixelDescription#frameLength()}
     * bytes laid out as {@link #decodedDescription} says. Codecs that code only the stored bits (JPEG, JPEG-LS,
     * JPEG 2000) fill the bits above High Bit as {@link FrameLayout#normalise} does; RLE returns them as coded.
     */
    byte[] decode(byte[] encodedFrame, PixelDescription stored) throws PixelDataException;

    /**
     * Whether a fragment whose first bytes are {@code head} starts a new frame: used to split fragments into frames
     * when the Basic Offset Table is empty. Decoders whose syntax allows only one fragment a frame say always.
     */
    default boolean startsFrame(byte[] head) {
        return true;
    }
}
