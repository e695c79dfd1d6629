package org.hrnode.dicom.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextResult;
import org.hrnode.dicom.net.service.DicomServer;
import org.junit.jupiter.api.Test;

/** Which transfer syntax the acceptor takes: ours when we receive, the requestor's when it receives (C-GET). */
class SupportedPresentationContextsTest {

    private static final String J2K_LOSSLESS = UID.JPEG2000Lossless;

    private final SupportedPresentationContexts policy = new SupportedPresentationContexts(
            Set.of(UID.CTImageStorage), DicomServer.DEFAULT_TRANSFER_SYNTAXES);

    private static AAssociateRQ request(boolean requestorReceives) {
        AssociationRequestBuilder rq = new AssociationRequestBuilder("PEER", "HRNODE")
                .addPresentationContext(UID.CTImageStorage, J2K_LOSSLESS, UID.ExplicitVRLittleEndian);
        if (requestorReceives) {
            rq.addRoleSelection(UID.CTImageStorage, false, true);
        }
        return rq.build(AssociationSettings.defaults());
    }

    private String accepted(AAssociateRQ rq) {
        return policy.decide(rq, rq.presentationContexts().getFirst()).transferSyntax();
    }

    @Test
    void storingPeerSendsInOurPreferredSyntax() {
        assertThat(accepted(request(false))).isEqualTo(UID.ExplicitVRLittleEndian);
    }

    /** Regression: getscu +xv was given Explicit VR LE, so no stored JPEG 2000 instance could be retrieved. */
    @Test
    void retrievingPeerGetsTheFirstSyntaxItProposedThatWeSupport() {
        assertThat(accepted(request(true))).isEqualTo(J2K_LOSSLESS);
    }

    @Test
    void retrievingPeerProposingOnlyUnknownSyntaxesIsRefused() {
        AAssociateRQ rq = new AssociationRequestBuilder("PEER", "HRNODE")
                .addPresentationContext(UID.CTImageStorage, List.of("1.2.3.4.5.6.7"))
                .addRoleSelection(UID.CTImageStorage, false, true).build(AssociationSettings.defaults());
        assertThat(policy.decide(rq, rq.presentationContexts().getFirst()).result())
                .isEqualTo(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }
}
