package org.hrnode.dicom.net.ul;

import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.RoleSelection;

/**
 * Answers an SCP/SCU Role Selection proposed by the requestor (PS3.7 D.3.3.4): the returned flags must be a subset
 * of the proposed ones. C-GET depends on it: the requestor proposes the SCP role for the storage SOP classes it
 * wants to receive, and this node then acts as C-STORE SCU on the same association.
 */
@FunctionalInterface
public interface RoleSelectionPolicy {

    /** Accepts every proposed role. */
    RoleSelectionPolicy ACCEPT_AS_PROPOSED = (request, proposed) -> proposed;

    RoleSelection answer(AAssociateRQ request, RoleSelection proposed);
}
