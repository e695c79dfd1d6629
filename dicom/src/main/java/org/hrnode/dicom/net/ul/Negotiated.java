package org.hrnode.dicom.net.ul;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationDataValue;

/**
 * What an association's negotiation settled: the A-ASSOCIATE-AC, the accepted presentation contexts by ID, and
 * the largest P-DATA this side may send — the peer's Maximum Length (0 means no limit), capped by our setting.
 */
record Negotiated(AAssociateAC acceptance, Map<Integer, PresentationContext> contexts, int maxPDataLengthSend) {

    /** Before negotiation: nothing accepted. */
    static final Negotiated NONE = new Negotiated(null, Map.of(), 0);

    static Negotiated of(AAssociateRQ rq, AAssociateAC ac, boolean requestor, AssociationSettings settings) {
        Map<Integer, PresentationContext> byId = new LinkedHashMap<>();
        for (PresentationContext pc : PresentationContext.accepted(rq, ac)) {
            byId.put(pc.id(), pc);
        }
        long peerMax = requestor ? ac.userInformation().maximumLength() : rq.userInformation().maximumLength();
        long ours = settings.maxPDataLengthSend();
        long chosen = peerMax == 0 ? ours : Math.min(peerMax, ours);
        int max = (int) Math.max(chosen, PresentationDataValue.ITEM_HEADER_LENGTH + 2);
        return new Negotiated(ac, Collections.unmodifiableMap(byId), max);
    }
}
