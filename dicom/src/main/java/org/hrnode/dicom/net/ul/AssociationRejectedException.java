package org.hrnode.dicom.net.ul;

import org.hrnode.dicom.net.pdu.AAssociateRJ;

/**
 * The acceptor answered an association request with A-ASSOCIATE-RJ. A protocol outcome, not a transport failure,
 * hence not an {@link java.io.IOException}: the caller decides whether a transient rejection is worth a retry.
 */
public final class AssociationRejectedException extends Exception {

    private final transient AAssociateRJ rejection;

    public AssociationRejectedException(String association, AAssociateRJ rejection) {
        super(association + " rejected: " + rejection.describe());
        this.rejection = rejection;
    }

    public AAssociateRJ rejection() {
        return rejection;
    }
}
