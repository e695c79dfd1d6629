package org.hrnode.dicom.net.pdu;

import java.util.Optional;

/**
 * A-ASSOCIATE-RJ PDU (PS3.8 §9.3.4). The fields are kept as raw values, because a rejection is final whatever
 * its reason code says; {@link #knownReason()} interprets them.
 */
public record AAssociateRJ(int result, int source, int reason) implements PDU {

    public static AAssociateRJ of(RejectResult result, RejectReason reason) {
        return new AAssociateRJ(result.code(), reason.source().code(), reason.code());
    }

    @Override
    public int type() {
        return PDUType.A_ASSOCIATE_RJ;
    }

    public boolean isTransient() {
        return result == RejectResult.REJECTED_TRANSIENT.code();
    }

    public Optional<RejectReason> knownReason() {
        return RejectReason.of(source, reason);
    }

    /** "rejected-permanent, service-user, calling-AE-title-not-recognized" style text for logs and errors. */
    public String describe() {
        String r = isTransient() ? "rejected-transient" : result == RejectResult.REJECTED_PERMANENT.code()
                ? "rejected-permanent" : "result " + result;
        return r + ", " + knownReason().map(k -> k.source().name().toLowerCase().replace('_', '-') + ", "
                + k.description()).orElse("source " + source + ", reason " + reason);
    }
}
