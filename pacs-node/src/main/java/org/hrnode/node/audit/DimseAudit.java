package org.hrnode.node.audit;

import java.time.Clock;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.service.AssociationInfo;
import org.hrnode.dicom.net.ul.AssociationAcceptancePolicy;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.audit.AuditEvent;
import org.hrnode.storage.audit.AuditTrail;

/**
 * Audit records of DIMSE queries and retrievals: the caller is its calling AE title, from its network address. Only
 * the Study Instance UID of an identifier is kept, never its patient keys.
 */
public final class DimseAudit {

    private final AuditTrail trail;
    private final Clock clock;

    public DimseAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Audits nothing. */
    public static DimseAudit none() {
        return new DimseAudit(AuditTrail.NONE, Clock.systemUTC());
    }

    /**
     * {@code policy}, with every association request audited as a login of the calling AE: accepted ({@code ok})
     * or rejected with the reason the peer is sent.
     */
    public AssociationAcceptancePolicy auditing(AssociationAcceptancePolicy policy) {
        return (request, peer) -> {
            Optional<AAssociateRJ> rejection = policy.check(request, peer);
            trail.record(new AuditEvent(clock.instant(), "ae:" + request.callingAETitle(), "dicom-peer", "",
                    "ae:" + request.callingAETitle() + "@" + (peer == null || peer.getAddress() == null ? "unknown"
                            : peer.getAddress().getHostAddress()), AuditAction.LOGIN.code(),
                    rejection.map(rj -> "rejected:" + rj.describe()).orElse("ok"), "",
                    "A-ASSOCIATE to " + request.calledAETitle()));
            return rejection;
        };
    }

    public void record(AssociationInfo association, AuditAction action, String outcome, Dataset identifier,
            String detail) {
        String source = association.remoteAddress() == null ? "ae:" + association.callingAETitle()
                : "ae:" + association.callingAETitle() + "@" + association.remoteAddress().getAddress()
                        .getHostAddress();
        String study = identifier == null ? "" : identifier.getString(Tag.StudyInstanceUID, "");
        trail.record(new AuditEvent(clock.instant(), "ae:" + association.callingAETitle(), "dicom-peer", "", source,
                action.code(), outcome, study, detail));
    }
}
