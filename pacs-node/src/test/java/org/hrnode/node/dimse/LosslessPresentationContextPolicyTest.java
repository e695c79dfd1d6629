package org.hrnode.node.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PresentationContextResult;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.dicom.net.ul.PresentationContextDecision;
import org.hrnode.node.ingest.ImageStorageSopClasses;
import org.junit.jupiter.api.Test;

/** What a sender may store, decided at negotiation: lossless images, uncompressed everything else. */
class LosslessPresentationContextPolicyTest {

    private static final Set<String> STORAGE = Set.copyOf(StorageSopClasses.all());
    private static final LosslessPresentationContextPolicy POLICY = new LosslessPresentationContextPolicy(
            union(STORAGE, Set.of(UID.Verification, UID.StudyRootQueryRetrieveInformationModelGet)), STORAGE);

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }

    private static PresentationContextDecision decide(AssociationRequestBuilder builder) {
        AAssociateRQ rq = builder.build(AssociationSettings.defaults());
        return POLICY.decide(rq, rq.presentationContexts().getFirst());
    }

    private static AssociationRequestBuilder offer(String sopClass, String... syntaxes) {
        return new AssociationRequestBuilder("MODALITY", "HRNODE").addPresentationContext(sopClass, syntaxes);
    }

    @Test
    void anImageOfferedOnlyLossyIsRefusedWithTransferSyntaxesNotSupported() {
        for (TransferSyntax lossy : List.of(TransferSyntax.JPEG_BASELINE_8BIT, TransferSyntax.JPEG_EXTENDED_12BIT,
                TransferSyntax.JPEG_LS_NEAR_LOSSLESS, TransferSyntax.JPEG_2000, TransferSyntax.HTJ2K)) {
            assertThat(decide(offer(UID.CTImageStorage, lossy.uid())).result()).as(lossy.name())
                    .isEqualTo(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
        }
        assertThat(decide(offer(UID.CTImageStorage, "1.2.3.4.5.6")).result())
                .isEqualTo(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
    }

    @Test
    void anImageOfferedLossyAndLosslessIsAcceptedLossless() {
        PresentationContextDecision decision = decide(offer(UID.MRImageStorage, UID.JPEGBaseline8Bit,
                UID.JPEG2000, UID.JPEGLSLossless));
        assertThat(decision.isAccepted()).isTrue();
        assertThat(decision.transferSyntax()).isEqualTo(UID.JPEGLSLossless);
        for (String lossless : LosslessPresentationContextPolicy.LOSSLESS_COMPRESSED) {
            assertThat(decide(offer(UID.CTImageStorage, lossless)).transferSyntax()).isEqualTo(lossless);
        }
        assertThat(decide(offer(UID.SegmentationStorage, UID.RLELossless)).transferSyntax())
                .isEqualTo(UID.RLELossless);
    }

    @Test
    void nonImageObjectsAreAcceptedUncompressedOnly() {
        for (String sopClass : List.of(UID.EncapsulatedPDFStorage, UID.BasicTextSRStorage,
                UID.KeyObjectSelectionDocumentStorage, UID.RTPlanStorage, UID.RTStructureSetStorage)) {
            assertThat(decide(offer(sopClass, UID.JPEGLSLossless, UID.RLELossless)).result()).as(sopClass)
                    .isEqualTo(PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
            assertThat(decide(offer(sopClass, UID.RLELossless, UID.ImplicitVRLittleEndian)).transferSyntax())
                    .as(sopClass).isEqualTo(UID.ImplicitVRLittleEndian);
        }
    }

    /** A C-GET SCU receives on its storage contexts: retrieval of anything stored stays as it was. */
    @Test
    void storageContextsOfACGetScuAreNotRestricted() {
        PresentationContextDecision decision = decide(offer(UID.CTImageStorage, UID.JPEGBaseline8Bit)
                .addRoleSelection(UID.CTImageStorage, false, true));
        assertThat(decision.isAccepted()).isTrue();
        assertThat(decision.transferSyntax()).isEqualTo(UID.JPEGBaseline8Bit);
        assertThat(decide(offer(UID.StudyRootQueryRetrieveInformationModelGet, UID.ImplicitVRLittleEndian))
                .isAccepted()).isTrue();
    }

    @Test
    void theImageRuleCoversImagesNamedWithoutImage() {
        assertThat(ImageStorageSopClasses.isImage(UID.CTImageStorage)).isTrue();
        assertThat(ImageStorageSopClasses.isImage(UID.SegmentationStorage)).isTrue();
        assertThat(ImageStorageSopClasses.isImage(UID.ParametricMapStorage)).isTrue();
        assertThat(ImageStorageSopClasses.isImage(UID.RTDoseStorage)).isTrue();
        assertThat(ImageStorageSopClasses.isImage(UID.EncapsulatedPDFStorage)).isFalse();
        assertThat(ImageStorageSopClasses.isImage(UID.ComprehensiveSRStorage)).isFalse();
    }
}
