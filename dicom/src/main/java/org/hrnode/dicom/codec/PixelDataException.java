package org.hrnode.dicom.codec;

/**
 * Pixel data that cannot be decoded or encoded: a corrupt or truncated stream, attributes that contradict the
 * stream, a layout a codec does not support, or a codec missing on this machine. Checked, because every caller
 * must decide what happens to the object (keep it as received, refuse it, flag it) rather than lose it to an
 * unexpected exception.
 */
public final class PixelDataException extends Exception {

    private static final long serialVersionUID = 1L;

    public PixelDataException(String message) {
        super(message);
    }

    public PixelDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
