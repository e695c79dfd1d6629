package org.hrnode.dicom.net.ul;

import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;

/**
 * Decides each presentation context an association requestor proposes: which abstract syntaxes (SOP classes) this
 * node serves and which of the proposed transfer syntaxes it takes. This is the single place where transfer-syntax
 * policy meets the network; an ingest rule such as "lossless only" is a policy that rejects lossy syntaxes with
 * {@link org.hrnode.dicom.net.pdu.PresentationContextResult#TRANSFER_SYNTAXES_NOT_SUPPORTED} (or falls back to
 * another proposed syntax), and can be composed around {@link SupportedPresentationContexts}.
 *
 * <p>Contract: a pure function of its arguments, called once per proposed context on the association's reader
 * thread while the requestor waits, so it must not block or do IO. The transfer syntax it accepts must be one of
 * {@code proposed.transferSyntaxes()}; {@link AssociationNegotiation} turns any other answer into a provider
 * rejection. Invalid context IDs (even or repeated) never reach the policy.
 */
@FunctionalInterface
public interface PresentationContextPolicy {

    /**
     * @param request the whole A-ASSOCIATE-RQ, for policies that depend on the calling AE
     * @param proposed one presentation context of {@code request}
     */
    PresentationContextDecision decide(AAssociateRQ request, PresentationContextRQ proposed);
}
