package org.hrnode.dicom.codec;

import org.hrnode.dicom.data.TransferSyntax;

/**
 * Encodes one uncompressed frame losslessly into one transfer syntax. HR Node stores lossless only, so there is
 * no quality or NEAR parameter: an encoder is exact or it does not exist. Implementations are thread-safe.
 */
public interface FrameEncoder {

    TransferSyntax transferSyntax();

    /**
     * What the dataset must say once its frames are encoded (Photometric Interpretation, Planar Configuration),
     * or an exception when this syntax cannot hold such pixels at all (too many bits, 1-bit pixels, …).
     */
    PixelDescription encodedDescription(PixelDescription raw) throws PixelDataException;

    /** Encodes one frame laid out as {@code raw} describes. */
    byte[] encode(byte[] rawFrame, PixelDescription raw) throws PixelDataException;
}
