package org.hrnode.dicom.net.pdu;

import java.util.Optional;

/** Result/Reason field of a presentation context in an A-ASSOCIATE-AC (PS3.8 Table 9-18). */
public enum PresentationContextResult {
    ACCEPTANCE(0, "acceptance"),
    USER_REJECTION(1, "user-rejection"),
    /** "no-reason (provider rejection)". */
    NO_REASON(2, "no-reason (provider rejection)"),
    ABSTRACT_SYNTAX_NOT_SUPPORTED(3, "abstract-syntax-not-supported (provider rejection)"),
    TRANSFER_SYNTAXES_NOT_SUPPORTED(4, "transfer-syntaxes-not-supported (provider rejection)");

    private final int code;
    private final String description;

    PresentationContextResult(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<PresentationContextResult> of(int code) {
        for (PresentationContextResult r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
