package org.hrnode.dicom.net.pdu;

import java.util.Optional;

/** Reason/Diag. field of an A-ABORT sent by the service provider (PS3.8 Table 9-26). */
public enum AbortReason {
    NOT_SPECIFIED(0, "reason-not-specified"),
    UNRECOGNIZED_PDU(1, "unrecognized-PDU"),
    UNEXPECTED_PDU(2, "unexpected-PDU"),
    UNRECOGNIZED_PDU_PARAMETER(4, "unrecognized-PDU-parameter"),
    UNEXPECTED_PDU_PARAMETER(5, "unexpected-PDU-parameter"),
    INVALID_PDU_PARAMETER_VALUE(6, "invalid-PDU-parameter-value");

    private final int code;
    private final String description;

    AbortReason(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<AbortReason> of(int code) {
        for (AbortReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
