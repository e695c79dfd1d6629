package org.hrnode.dicom.net.pdu;

import java.util.Objects;

/**
 * SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4). In a request the flags say which roles the requestor proposes to
 * play for the SOP class; in an acceptance they say which of those the acceptor accepted. C-GET needs it: the
 * requestor must be accepted as SCP of the storage SOP classes it wants to receive.
 */
public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {

    public RoleSelection {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
    }
}
