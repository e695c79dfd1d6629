package org.hrnode.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrnode.dicom.data.TransferSyntax.Compression;
import org.hrnode.dicom.data.TransferSyntax.Encoding;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.dict.UIDs;
import org.junit.jupiter.api.Test;

class TransferSyntaxTest {

    @Test
    void everyTransferSyntaxOfTheDictionaryIsClassified() {
        assertThat(UIDs.ofType(UIDs.TRANSFER_SYNTAX)).isNotEmpty().allSatisfy(info -> {
            TransferSyntax syntax = TransferSyntax.of(info.uid());
            assertThat(syntax).as(info.uid() + " " + info.name()).isNotNull();
            assertThat(syntax.compression()).isNotEqualTo(Compression.UNKNOWN);
            assertThat(syntax.name()).isEqualTo(info.name());
            assertThat(syntax.isRetired()).isEqualTo(info.retired());
        });
    }

    @Test
    void everyEncapsulatedSyntaxIsExplicitLittleEndian() {
        assertThat(TransferSyntax.all()).filteredOn(TransferSyntax::isEncapsulated)
                .allSatisfy(s -> assertThat(s.encoding()).isEqualTo(Encoding.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void spotChecks() {
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.81").compression()).isEqualTo(Compression.LOSSY);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.80").compression()).isEqualTo(Compression.LOSSLESS);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.5").compression()).isEqualTo(Compression.LOSSLESS);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.2").isBigEndian()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.1.99").isDeflated()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.1.99").compression()).isEqualTo(Compression.NONE);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.91").compression()).isEqualTo(Compression.LOSSY);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.90").isLossless()).isTrue();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.50").isLossless()).isFalse();
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.202").compression()).isEqualTo(Compression.LOSSLESS);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.203").compression()).isEqualTo(Compression.LOSSY);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.95").isDeflated()).isTrue();
    }

    @Test
    void retiredJpegProcessesAreLosslessOnlyFor14To15And28To29() {
        assertThat(TransferSyntax.of(UID.JPEGLosslessNonHierarchical15).isLossless()).isTrue();
        assertThat(TransferSyntax.of(UID.JPEGLosslessHierarchical28).isLossless()).isTrue();
        assertThat(TransferSyntax.of(UID.JPEGLosslessHierarchical29).isLossless()).isTrue();
        assertThat(TransferSyntax.of(UID.JPEGExtended35).isLossless()).isFalse();
        assertThat(TransferSyntax.of(UID.JPEGFullProgressionHierarchical2527).isLossless()).isFalse();
        assertThat(TransferSyntax.JPEG_LOSSLESS.isRetired()).isFalse();
        assertThat(TransferSyntax.of(UID.JPEGExtended35).isRetired()).isTrue();
    }

    @Test
    void nativeSyntaxes() {
        assertThat(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.isImplicitVR()).isTrue();
        assertThat(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.isEncapsulated()).isFalse();
        assertThat(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.name()).isEqualTo("Implicit VR Little Endian");
        assertThat(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.isImplicitVR()).isFalse();
        assertThat(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.isRetired()).isTrue();
        assertThat(TransferSyntax.ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN.isEncapsulated()).isTrue();
        assertThat(TransferSyntax.ENCAPSULATED_UNCOMPRESSED_EXPLICIT_VR_LITTLE_ENDIAN.compression())
                .isEqualTo(Compression.NONE);
    }

    @Test
    void videoIsLossyAndEncapsulated() {
        TransferSyntax h264 = TransferSyntax.of(UID.MPEG4HP41);
        assertThat(h264.isVideo()).isTrue();
        assertThat(h264.isEncapsulated()).isTrue();
        assertThat(h264.compression()).isEqualTo(Compression.LOSSY);
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.4.102.1").isVideo()).isTrue();
    }

    @Test
    void syntaxesNewerThanTheDictionaryHaveNames() {
        assertThat(TransferSyntax.HTJ2K_LOSSLESS.name())
                .isEqualTo("High-Throughput JPEG 2000 Image Compression (Lossless Only)");
        assertThat(TransferSyntax.DEFLATED_IMAGE_FRAME_COMPRESSION.isDeflated()).isFalse();
    }

    @Test
    void unknownSyntaxesDefaultToEncapsulatedExplicitLittleEndianOfUnknownCompression() {
        String privateUid = "1.2.826.0.1.3680043.2.1143.1";
        TransferSyntax syntax = TransferSyntax.orDefault(privateUid + "\0");

        assertThat(TransferSyntax.of(privateUid)).isNull();
        assertThat(syntax.uid()).isEqualTo(privateUid);
        assertThat(syntax.name()).isEqualTo(privateUid);
        assertThat(syntax.encoding()).isEqualTo(Encoding.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(syntax.isEncapsulated()).isTrue();
        assertThat(syntax.compression()).isEqualTo(Compression.UNKNOWN);
        assertThat(syntax.isLossless()).isFalse();
        assertThat(TransferSyntax.orDefault(UID.RLELossless)).isSameAs(TransferSyntax.RLE_LOSSLESS);
    }

    @Test
    void paddedUidsAreFound() {
        assertThat(TransferSyntax.of("1.2.840.10008.1.2.1\0")).isSameAs(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
