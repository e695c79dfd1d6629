package org.hrnode.dicom.net.pdu;

/**
 * Bytes that are not a valid PDU (PS3.8 Evt19, "unrecognized or invalid PDU"). Carries the A-ABORT reason to send
 * back. Deliberately not an {@link java.io.IOException}: the transport worked, the peer's protocol did not.
 */
public final class PduDecodeException extends Exception {

    private final AbortReason abortReason;

    public PduDecodeException(AbortReason abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    public AbortReason abortReason() {
        return abortReason;
    }
}
