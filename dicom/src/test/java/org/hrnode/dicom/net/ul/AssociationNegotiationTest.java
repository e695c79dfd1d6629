package org.hrnode.dicom.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AsynchronousOperationsWindow;
import org.hrnode.dicom.net.pdu.PresentationContextAC;
import org.hrnode.dicom.net.pdu.PresentationContextRQ;
import org.hrnode.dicom.net.pdu.PresentationContextResult;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.RejectResult;
import org.hrnode.dicom.net.pdu.RoleSelection;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;
import org.hrnode.dicom.net.pdu.UserInformation;
import org.junit.jupiter.api.Test;

/** The acceptor's negotiation as the pure function it is: request and policies in, AC or RJ out. */
class AssociationNegotiationTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    private static final SupportedPresentationContexts POLICY = new SupportedPresentationContexts(
            Set.of(UID.Verification, UID.CTImageStorage),
            List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.JPEG2000Lossless));

    private static AcceptorConfig.Builder config() {
        return AcceptorConfig.builder("HRNODE").presentationContextPolicy(POLICY);
    }

    private static AAssociateRQ rq(List<PresentationContextRQ> contexts, UserInformation ui) {
        return new AAssociateRQ("HRNODE", "MODALITY", UID.DICOMApplicationContext, contexts, ui);
    }

    private static AAssociateRQ rq(PresentationContextRQ... contexts) {
        return rq(List.of(contexts), UserInformation.of(16384, "1.2.3", "PEER"));
    }

    private static AAssociateAC accepted(AssociationNegotiation.Outcome outcome) {
        assertThat(outcome).isInstanceOf(AssociationNegotiation.Accepted.class);
        return ((AssociationNegotiation.Accepted) outcome).acceptance();
    }

    private static AAssociateRJ rejected(AssociationNegotiation.Outcome outcome) {
        assertThat(outcome).isInstanceOf(AssociationNegotiation.Rejected.class);
        return ((AssociationNegotiation.Rejected) outcome).rejection();
    }

    @Test
    void presentationContextResultsFollowPs38() {
        AAssociateAC ac = accepted(AssociationNegotiation.negotiate(rq(
                PresentationContextRQ.of(1, UID.CTImageStorage, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian),
                PresentationContextRQ.of(3, UID.MRImageStorage, UID.ExplicitVRLittleEndian),
                PresentationContextRQ.of(5, UID.CTImageStorage, UID.JPEGBaseline8Bit),
                PresentationContextRQ.of(6, UID.Verification, UID.ImplicitVRLittleEndian),
                PresentationContextRQ.of(5, UID.Verification, UID.ImplicitVRLittleEndian),
                PresentationContextRQ.of(7, UID.CTImageStorage, UID.JPEG2000Lossless)),
                config().build(), false, PEER));

        assertThat(ac.presentationContexts()).containsExactly(
                PresentationContextAC.accepted(1, UID.ExplicitVRLittleEndian),
                PresentationContextAC.rejected(3, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                PresentationContextAC.rejected(5, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED),
                PresentationContextAC.rejected(6, PresentationContextResult.NO_REASON),
                PresentationContextAC.rejected(5, PresentationContextResult.NO_REASON),
                PresentationContextAC.accepted(7, UID.JPEG2000Lossless));
        assertThat(ac.userInformation().maximumLength()).isEqualTo(AssociationSettings.defaults().pduLimits()
                .maxPDataLength());
        assertThat(ac.calledAETitle()).isEqualTo("HRNODE");
    }

    @Test
    void aPolicyCannotAcceptASyntaxThatWasNotProposed() {
        AcceptorConfig config = config().presentationContextPolicy(
                (request, proposed) -> PresentationContextDecision.accept(UID.JPEG2000Lossless)).build();
        AAssociateAC ac = accepted(AssociationNegotiation.negotiate(
                rq(PresentationContextRQ.of(1, UID.CTImageStorage, UID.ExplicitVRLittleEndian)), config, false, PEER));
        assertThat(ac.presentationContexts()).containsExactly(
                PresentationContextAC.rejected(1, PresentationContextResult.NO_REASON));
    }

    @Test
    void rejectionsCarryTheirPs38Reasons() {
        AAssociateRQ echo = rq(PresentationContextRQ.of(1, UID.Verification, UID.ImplicitVRLittleEndian));
        AAssociateRQ otherContext = new AAssociateRQ("HRNODE", "MODALITY", "1.2.3.4", echo.presentationContexts(),
                echo.userInformation());
        assertThat(rejected(AssociationNegotiation.negotiate(otherContext, config().build(), false, PEER)))
                .isEqualTo(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT,
                        RejectReason.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED));
        assertThat(rejected(AssociationNegotiation.negotiate(echo, config().build(), true, PEER)))
                .isEqualTo(AAssociateRJ.of(RejectResult.REJECTED_TRANSIENT, RejectReason.LOCAL_LIMIT_EXCEEDED));
        AcceptorConfig strict = config().acceptancePolicy(AssociationAcceptancePolicy.calledAETitle("OTHER")).build();
        assertThat(rejected(AssociationNegotiation.negotiate(echo, strict, false, PEER)).knownReason())
                .contains(RejectReason.CALLED_AE_TITLE_NOT_RECOGNIZED);
        AcceptorConfig known = config()
                .acceptancePolicy(AssociationAcceptancePolicy.knownCallingAETitles(Set.of("CT1"))).build();
        assertThat(rejected(AssociationNegotiation.negotiate(echo, known, false, PEER)).knownReason())
                .contains(RejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED);
    }

    @Test
    void userIdentityIsCheckedAndAnsweredOnlyWhenAsked() {
        UserIdentityAuthenticator alice = UserIdentityAuthenticator.requireIdentity((request, identity, peer) ->
                identity.get().primaryFieldText().equals("alice") && identity.get().secondaryFieldText().equals("s3")
                        ? UserIdentityDecision.accept(new byte[] {42}) : UserIdentityDecision.reject("bad password"));
        AcceptorConfig config = config().userIdentityAuthenticator(alice).build();
        PresentationContextRQ echo = PresentationContextRQ.of(1, UID.Verification, UID.ImplicitVRLittleEndian);
        UserInformation base = UserInformation.of(0, "1.2.3", null);

        assertThat(rejected(AssociationNegotiation.negotiate(rq(List.of(echo), base), config, false, PEER)))
                .isEqualTo(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT, RejectReason.NO_REASON_GIVEN));
        assertThat(rejected(AssociationNegotiation.negotiate(rq(List.of(echo),
                base.withUserIdentityRQ(UserIdentityRQ.usernameAndPasscode("alice", "wrong", true))), config, false,
                PEER))).isNotNull();
        AAssociateAC quiet = accepted(AssociationNegotiation.negotiate(rq(List.of(echo),
                base.withUserIdentityRQ(UserIdentityRQ.usernameAndPasscode("alice", "s3", false))), config, false,
                PEER));
        assertThat(quiet.userInformation().userIdentityAC()).isNull();
        AAssociateAC answered = accepted(AssociationNegotiation.negotiate(rq(List.of(echo),
                base.withUserIdentityRQ(UserIdentityRQ.usernameAndPasscode("alice", "s3", true))), config, false,
                PEER));
        assertThat(answered.userInformation().userIdentityAC().serverResponse()).containsExactly(42);
    }

    @Test
    void rolesAndAsynchronousWindowAreAnsweredForAcceptedClassesOnly() {
        UserInformation ui = UserInformation.of(0, "1.2.3", null)
                .withRoleSelection(new RoleSelection(UID.CTImageStorage, false, true))
                .withRoleSelection(new RoleSelection(UID.MRImageStorage, false, true))
                .withAsynchronousOperationsWindow(new AsynchronousOperationsWindow(0, 5));
        AAssociateRQ request = rq(List.of(PresentationContextRQ.of(1, UID.CTImageStorage, UID.ExplicitVRLittleEndian),
                PresentationContextRQ.of(3, UID.MRImageStorage, UID.ExplicitVRLittleEndian)), ui);
        AcceptorConfig noScu = config().roleSelectionPolicy((r, proposed) ->
                new RoleSelection(proposed.sopClassUid(), true, true)).build();
        AAssociateAC ac = accepted(AssociationNegotiation.negotiate(request, noScu, false, PEER));

        assertThat(ac.userInformation().roleSelections())
                .containsExactly(new RoleSelection(UID.CTImageStorage, false, true));
        assertThat(ac.userInformation().asynchronousOperationsWindow())
                .isEqualTo(new AsynchronousOperationsWindow(1, 1));
        List<PresentationContext> contexts = PresentationContext.accepted(request, ac);
        assertThat(contexts).containsExactly(
                new PresentationContext(1, UID.CTImageStorage, UID.ExplicitVRLittleEndian, false, true));
        assertThat(contexts.getFirst().mayPerform(true)).isTrue();
        assertThat(contexts.getFirst().mayInvoke(false)).isTrue();
    }
}
