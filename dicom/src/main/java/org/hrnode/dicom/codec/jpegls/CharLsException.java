package org.hrnode.dicom.codec.jpegls;

/** CharLS refused a stream or a frame; the message is CharLS's own. */
final class CharLsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** {@code charls_jpegls_errc}, 0 when the failure did not come from a CharLS call. */
    private final int errorCode;

    CharLsException(String message) {
        this(message, 0);
    }

    CharLsException(String message, int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }
}
