package org.hrnode.dicom.io;

/**
 * Input that is not valid DICOM, or not DICOM we can read safely: the one exception every parser in this module
 * throws for bad input, whatever the bytes were. It names the byte offset and what was expected, so an operator
 * can find the defect with a hex dump.
 */
public final class DicomParseException extends Exception {

    private final long offset;

    public DicomParseException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public DicomParseException(String message, long offset, Throwable cause) {
        super(message + " (at byte " + offset + ")", cause);
        this.offset = offset;
    }

    /** Offset from the start of the input where the problem was found; -1 when unknown. */
    public long offset() {
        return offset;
    }
}
