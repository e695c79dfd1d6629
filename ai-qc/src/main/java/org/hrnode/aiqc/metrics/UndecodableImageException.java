package org.hrnode.aiqc.metrics;

/**
 * The pixels of an image cannot be turned into a working image; the message says why. {@link #unsupported()}
 * separates images the metrics do not measure (colour, unusual depths: not a defect) from pixels that are missing
 * or do not decode (a veto).
 */
public final class UndecodableImageException extends Exception {

    private final boolean unsupported;

    private UndecodableImageException(String message, Throwable cause, boolean unsupported) {
        super(message, cause);
        this.unsupported = unsupported;
    }

    static UndecodableImageException broken(String message, Throwable cause) {
        return new UndecodableImageException(message, cause, false);
    }

    static UndecodableImageException unsupported(String message) {
        return new UndecodableImageException(message, null, true);
    }

    public boolean unsupported() {
        return unsupported;
    }
}
