package org.hrnode.node.dimse;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.RejectResult;
import org.hrnode.dicom.net.ul.AssociationAcceptancePolicy;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.index.IndexUnavailableException;

/**
 * Only AE titles in the registry may open associations (looked up per association, so `./hrnode ae add` takes
 * effect at once). An unknown caller is rejected permanently with "calling AE title not recognized"; when the
 * registry itself cannot be read the rejection is transient, so the sender retries instead of giving up.
 */
public final class RegisteredCallingAEs implements AssociationAcceptancePolicy {

    private final AeRegistry registry;

    public RegisteredCallingAEs(AeRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<AAssociateRJ> check(AAssociateRQ request, InetSocketAddress peer) {
        try {
            return registry.find(request.callingAETitle()).isPresent() ? Optional.empty()
                    : Optional.of(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT,
                            RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED));
        } catch (IndexUnavailableException e) {
            return Optional.of(AAssociateRJ.of(RejectResult.REJECTED_TRANSIENT, RejectReason.NO_REASON_GIVEN));
        }
    }
}
