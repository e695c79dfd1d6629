package org.hrnode.node.audit;

import java.time.Clock;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.net.service.AssociationInfo;
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
