package org.hrnode.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/** SOP Class Common Extended Negotiation sub-item (PS3.7 D.3.3.6), sent in requests only. */
public record SOPClassCommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
        List<String> relatedGeneralSopClassUids) {

    public SOPClassCommonExtendedNegotiation {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(serviceClassUid, "serviceClassUid");
        relatedGeneralSopClassUids = List.copyOf(relatedGeneralSopClassUids);
    }
}
