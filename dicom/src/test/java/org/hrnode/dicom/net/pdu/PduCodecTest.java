package org.hrnode.dicom.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hrnode.dicom.dict.UID;
import org.junit.jupiter.api.Test;

/** Decoding known-good PDUs gives the fields they were made of; encoding gives the same bytes back. */
class PduCodecTest {

    private static final String PYNETDICOM_CLASS_UID = "1.2.826.0.1.3680043.9.3811.0.9.0";

    private static PDU decode(byte[] bytes) throws PduDecodeException {
        return PduDecoder.decodeOne(bytes, PduLimits.defaults());
    }

    @Test
    void associateRqForEcho() throws Exception {
        AAssociateRQ rq = (AAssociateRQ) decode(GoldenPdus.A_ASSOCIATE_RQ_ECHO);

        assertThat(rq.protocolVersion()).isEqualTo(AAssociateRQ.PROTOCOL_VERSION_1);
        assertThat(rq.calledAETitle()).isEqualTo("ANY-SCP");
        assertThat(rq.callingAETitle()).isEqualTo("ECHOSCU");
        assertThat(rq.applicationContextName()).isEqualTo(UID.DICOMApplicationContext);
        assertThat(rq.presentationContexts()).containsExactly(
                PresentationContextRQ.of(1, UID.Verification, UID.ImplicitVRLittleEndian));
        assertThat(rq.userInformation()).isEqualTo(UserInformation.of(16382, PYNETDICOM_CLASS_UID, "PYNETDICOM_090"));
        assertThat(PduEncoder.encode(rq)).isEqualTo(GoldenPdus.A_ASSOCIATE_RQ_ECHO);
    }

    @Test
    void associateRqWithUsernameAndPasscodeIgnoresReservedBytes() throws Exception {
        AAssociateRQ rq = (AAssociateRQ) decode(GoldenPdus.A_ASSOCIATE_RQ_USERNAME_PASSCODE);

        assertThat(rq.presentationContexts()).containsExactly(PresentationContextRQ.of(1, UID.CTImageStorage,
                UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian, UID.ImplicitVRLittleEndian));
        UserIdentityRQ identity = rq.userInformation().userIdentityRQ();
        assertThat(identity.knownType()).contains(UserIdentityType.USERNAME_AND_PASSCODE);
        assertThat(identity.positiveResponseRequested()).isFalse();
        assertThat(identity.primaryFieldText()).isEqualTo("pynetdicom");
        assertThat(identity.secondaryFieldText()).isEqualTo("p4ssw0rd");
        assertThat(identity.toString()).doesNotContain("p4ssw0rd").doesNotContain("pynetdicom");
        assertThat(rq.userInformation().maximumLength()).isEqualTo(16384);
        assertThat(rq.userInformation().implementationVersionName()).isEqualTo("OFFIS_DCMTK_360");

        byte[] reencoded = PduEncoder.encode(rq);
        byte[] expected = GoldenPdus.A_ASSOCIATE_RQ_USERNAME_PASSCODE.clone();
        int reservedFF = indexOf(expected, new byte[] {0x01, 0x00, (byte) 0xFF, 0x00, 0x30}) + 2;
        expected[reservedFF] = 0;
        assertThat(reencoded).isEqualTo(expected);
    }

    @Test
    void associateRqWithRoleSelection() throws Exception {
        AAssociateRQ rq = (AAssociateRQ) decode(GoldenPdus.A_ASSOCIATE_RQ_ROLE_SELECTION);

        assertThat(rq.callingAETitle()).isEqualTo("GETSCU");
        assertThat(rq.userInformation().roleSelections())
                .containsExactly(new RoleSelection(UID.CTImageStorage, false, true));
        assertThat(rq.userInformation().roleSelectionFor(UID.CTImageStorage)).isPresent();
        assertThat(decode(PduEncoder.encode(rq))).isEqualTo(rq);
        assertThat(PduEncoder.encode(rq)).hasSameSizeAs(GoldenPdus.A_ASSOCIATE_RQ_ROLE_SELECTION);
    }

    @Test
    void associateRqWithUsernameAndAsynchronousOperationsWindow() throws Exception {
        AAssociateRQ rq = (AAssociateRQ) decode(GoldenPdus.A_ASSOCIATE_RQ_USERNAME_ASYNC);

        UserIdentityRQ identity = rq.userInformation().userIdentityRQ();
        assertThat(identity.knownType()).contains(UserIdentityType.USERNAME);
        assertThat(identity.positiveResponseRequested()).isTrue();
        assertThat(identity.primaryFieldText()).isEqualTo("pynetdicom");
        assertThat(identity.secondaryField()).isEmpty();
        assertThat(rq.userInformation().asynchronousOperationsWindow())
                .isEqualTo(new AsynchronousOperationsWindow(5, 5));
        assertThat(decode(PduEncoder.encode(rq))).isEqualTo(rq);
    }

    @Test
    void associateAcFromDcmtk() throws Exception {
        AAssociateAC ac = (AAssociateAC) decode(GoldenPdus.A_ASSOCIATE_AC_ECHO);

        assertThat(ac.calledAETitle()).isEqualTo("ANY-SCP");
        assertThat(ac.presentationContexts()).containsExactly(
                PresentationContextAC.accepted(1, UID.ImplicitVRLittleEndian));
        assertThat(ac.userInformation())
                .isEqualTo(UserInformation.of(16384, "1.2.276.0.7230010.3.0.3.6.0", "OFFIS_DCMTK_360"));
        assertThat(PduEncoder.encode(ac)).isEqualTo(GoldenPdus.A_ASSOCIATE_AC_ECHO);
    }

    @Test
    void associateAcWithUserIdentityResponse() throws Exception {
        AAssociateAC ac = (AAssociateAC) decode(GoldenPdus.A_ASSOCIATE_AC_USER_IDENTITY);

        assertThat(new String(ac.userInformation().userIdentityAC().serverResponse(), StandardCharsets.US_ASCII))
                .isEqualTo("Accepted");
        assertThat(PduEncoder.encode(ac)).isEqualTo(GoldenPdus.A_ASSOCIATE_AC_USER_IDENTITY);
    }

    @Test
    void associateAcWithRejectedContextAndEmptyTransferSyntax() throws Exception {
        AAssociateAC ac = (AAssociateAC) decode(GoldenPdus.A_ASSOCIATE_AC_REJECTED_CONTEXT);

        assertThat(ac.presentationContexts()).containsExactly(
                PresentationContextAC.accepted(1, UID.ExplicitVRLittleEndian),
                PresentationContextAC.rejected(3, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED));
        assertThat(ac.userInformation().maximumLength()).isEqualTo(28672);
        assertThat(PduEncoder.encode(ac)).isEqualTo(GoldenPdus.A_ASSOCIATE_AC_REJECTED_CONTEXT);
    }

    @Test
    void associateRj() throws Exception {
        AAssociateRJ limit = AAssociateRJ.of(RejectResult.REJECTED_TRANSIENT, RejectReason.LOCAL_LIMIT_EXCEEDED);
        assertThat(PduEncoder.encode(limit)).isEqualTo(GoldenPdus.A_ASSOCIATE_RJ_LOCAL_LIMIT);
        assertThat(decode(GoldenPdus.A_ASSOCIATE_RJ_LOCAL_LIMIT)).isEqualTo(limit);
        assertThat(limit.describe()).isEqualTo(
                "rejected-transient, service-provider-presentation, local-limit-exceeded");

        AAssociateRJ user = (AAssociateRJ) decode(GoldenPdus.A_ASSOCIATE_RJ_PERMANENT_USER);
        assertThat(user.isTransient()).isFalse();
        assertThat(user.knownReason()).contains(RejectReason.NO_REASON_GIVEN);
        assertThat(PduEncoder.encode(user)).isEqualTo(GoldenPdus.A_ASSOCIATE_RJ_PERMANENT_USER);
    }

    @Test
    void releaseAndAbort() throws Exception {
        assertThat(decode(GoldenPdus.A_RELEASE_RQ)).isEqualTo(new AReleaseRQ());
        assertThat(decode(GoldenPdus.A_RELEASE_RP)).isEqualTo(new AReleaseRP());
        assertThat(PduEncoder.encode(new AReleaseRQ())).isEqualTo(GoldenPdus.A_RELEASE_RQ);
        assertThat(PduEncoder.encode(new AReleaseRP())).isEqualTo(GoldenPdus.A_RELEASE_RP);

        assertThat(decode(GoldenPdus.A_ABORT_USER)).isEqualTo(AAbort.byServiceUser());
        AAbort provider = (AAbort) decode(GoldenPdus.A_ABORT_PROVIDER);
        assertThat(provider).isEqualTo(AAbort.byServiceProvider(AbortReason.UNRECOGNIZED_PDU_PARAMETER));
        assertThat(provider.describe()).isEqualTo("service-provider, unrecognized-PDU-parameter");
        assertThat(PduEncoder.encode(provider)).isEqualTo(GoldenPdus.A_ABORT_PROVIDER);
    }

    @Test
    void pDataTf() throws Exception {
        PDataTF data = (PDataTF) decode(GoldenPdus.P_DATA_TF_ECHO_RSP);

        assertThat(data.presentationDataValues()).hasSize(1);
        PresentationDataValue pdv = data.presentationDataValues().getFirst();
        assertThat(pdv.presentationContextId()).isEqualTo(1);
        assertThat(pdv.isCommand()).isTrue();
        assertThat(pdv.isLast()).isTrue();
        assertThat(pdv.length()).isEqualTo(78);
        assertThat(pdv.byteAt(8)).isEqualTo(0x42);
        assertThat(PduEncoder.encode(data)).isEqualTo(GoldenPdus.P_DATA_TF_ECHO_RSP);
    }

    @Test
    void everySubItemAndUnknownItemsSurviveARoundTrip() throws Exception {
        UserInformation ui = UserInformation.of(0, "1.2.3", "VERSION")
                .withAsynchronousOperationsWindow(new AsynchronousOperationsWindow(0, 1))
                .withRoleSelection(new RoleSelection(UID.CTImageStorage, true, true))
                .withExtendedNegotiations(List.of(new SOPClassExtendedNegotiation(
                        UID.StudyRootQueryRetrieveInformationModelFind, new byte[] {1, 0, 1})))
                .withCommonExtendedNegotiations(List.of(new SOPClassCommonExtendedNegotiation(
                        UID.EnhancedCTImageStorage, "1.2.840.10008.4.2", List.of(UID.CTImageStorage, "1.2.3.4"))))
                .withUserIdentityRQ(UserIdentityRQ.of(UserIdentityType.JSON_WEB_TOKEN,
                        "eyJhbGciOi".getBytes(StandardCharsets.US_ASCII), true))
                .withUnknownItems(List.of(new UnknownItem(0x7F, new byte[] {9, 8, 7})));
        AAssociateRQ rq = new AAssociateRQ(AAssociateRQ.PROTOCOL_VERSION_1, "CALLED", "CALLING",
                UID.DICOMApplicationContext, List.of(
                        PresentationContextRQ.of(1, UID.Verification, UID.ImplicitVRLittleEndian),
                        PresentationContextRQ.of(3, UID.CTImageStorage, UID.JPEG2000Lossless,
                                UID.ExplicitVRLittleEndian)),
                ui, List.of(new UnknownItem(0x66, new byte[0])));

        assertThat(decode(PduEncoder.encode(rq))).isEqualTo(rq);

        AAssociateAC ac = new AAssociateAC(AAssociateRQ.PROTOCOL_VERSION_1, "CALLED", "CALLING",
                UID.DICOMApplicationContext, List.of(PresentationContextAC.accepted(1, UID.ImplicitVRLittleEndian),
                        PresentationContextAC.rejected(3, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED)),
                UserInformation.of(16384, "1.2.3", null).withUserIdentityAC(new UserIdentityAC(new byte[] {1, 2})),
                List.of());
        assertThat(decode(PduEncoder.encode(ac))).isEqualTo(ac);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
