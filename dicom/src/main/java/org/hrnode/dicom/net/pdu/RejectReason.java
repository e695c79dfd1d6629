package org.hrnode.dicom.net.pdu;

import java.util.Optional;

/** Reason/Diag. field of an A-ASSOCIATE-RJ, which PS3.8 Table 9-21 defines per source. */
public enum RejectReason {
    NO_REASON_GIVEN(RejectSource.SERVICE_USER, 1, "no-reason-given"),
    APPLICATION_CONTEXT_NAME_NOT_SUPPORTED(RejectSource.SERVICE_USER, 2, "application-context-name-not-supported"),
    CALLING_AE_TITLE_NOT_RECOGNIZED(RejectSource.SERVICE_USER, 3, "calling-AE-title-not-recognized"),
    CALLED_AE_TITLE_NOT_RECOGNIZED(RejectSource.SERVICE_USER, 7, "called-AE-title-not-recognized"),
    ACSE_NO_REASON_GIVEN(RejectSource.SERVICE_PROVIDER_ACSE, 1, "no-reason-given"),
    PROTOCOL_VERSION_NOT_SUPPORTED(RejectSource.SERVICE_PROVIDER_ACSE, 2, "protocol-version-not-supported"),
    TEMPORARY_CONGESTION(RejectSource.SERVICE_PROVIDER_PRESENTATION, 1, "temporary-congestion"),
    LOCAL_LIMIT_EXCEEDED(RejectSource.SERVICE_PROVIDER_PRESENTATION, 2, "local-limit-exceeded");

    private final RejectSource source;
    private final int code;
    private final String description;

    RejectReason(RejectSource source, int code, String description) {
        this.source = source;
        this.code = code;
        this.description = description;
    }

    public RejectSource source() {
        return source;
    }

    public int code() {
        return code;
    }

    /** The PS3.8 wording. */
    public String description() {
        return description;
    }

    public static Optional<RejectReason> of(int source, int code) {
        for (RejectReason r : values()) {
            if (r.source.code() == source && r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
