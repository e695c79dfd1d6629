package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.dicom.codec.jpegls.CharLsLibrary;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * A node without Debian's libcharls2 still starts and keeps every other codec; JPEG-LS is reported as not
 * decodable here, with the package to install, and never half-works.
 */
class CharLsMissingTest {

    private static final String ABSENT = "libcharls-absent-for-test.so.9";

    private static CharLsLibrary missing() {
        String previous = System.getProperty(CharLsLibrary.LIBRARY_PROPERTY);
        System.setProperty(CharLsLibrary.LIBRARY_PROPERTY, ABSENT);
        try {
            return CharLsLibrary.fromSystemProperties();
        } finally {
            if (previous == null) {
                System.clearProperty(CharLsLibrary.LIBRARY_PROPERTY);
            } else {
                System.setProperty(CharLsLibrary.LIBRARY_PROPERTY, previous);
            }
        }
    }

    @Test
    void theLoaderNamesThePackageToInstall() {
        CharLsLibrary library = missing();
        assertThat(library.isAvailable()).isFalse();
        assertThat(library.problem()).startsWith("JPEG-LS needs Debian package libcharls2 (apt-get install libcharls2)")
                .contains(ABSENT);
    }

    @Test
    void theInstalledLibraryLoads() {
        TestData.require(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcharls.so.2")),
                "Debian package libcharls2");
        assertThat(CharLsLibrary.get().isAvailable()).as(String.valueOf(CharLsLibrary.get().problem())).isTrue();
        assertThat(Codecs.availability().isComplete()).as(Codecs.availability().problems().toString()).isTrue();
    }

    @Test
    void jpegLsIsUnavailableWithTheReasonAndEverythingElseStillWorks() {
        CodecRegistry registry = new CodecRegistry(missing());
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.JPEG_LS_LOSSLESS,
                TransferSyntax.JPEG_LS_NEAR_LOSSLESS}) {
            assertThat(registry.isAvailable(ts)).isFalse();
            assertThat(registry.decoderFor(ts)).isEmpty();
            assertThat(registry.unavailableReason(ts)).startsWith(CharLsLibrary.MISSING_MESSAGE);
        }
        assertThat(registry.encoderFor(TransferSyntax.JPEG_LS_LOSSLESS)).isEmpty();
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.RLE_LOSSLESS, TransferSyntax.JPEG_2000_LOSSLESS,
                TransferSyntax.JPEG_LOSSLESS_SV1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN}) {
            assertThat(registry.isAvailable(ts)).as(ts.toString()).isTrue();
            assertThat(registry.unavailableReason(ts)).isNull();
        }
        Codecs.Availability availability = Codecs.availabilityOf(registry);
        assertThat(availability.isComplete()).isFalse();
        assertThat(availability.problems()).singleElement().asString()
                .startsWith(CharLsLibrary.MISSING_MESSAGE).contains("stored as received");
        assertThat(availability.summary()).contains("RLE Lossless").doesNotContain("JPEG-LS");
    }

    @Test
    void transcodingAJpegLsObjectSaysWhy() throws Exception {
        Path file = TestData.pydicomTestFiles().resolve("MR_small_jpeg_ls_lossless.dcm");
        DicomFile dicom = DicomReader.readFile(file);
        Transcoder transcoder = new Transcoder(new CodecRegistry(missing()));
        assertThatThrownBy(() -> transcoder.transcode(dicom.dataset(), dicom.transferSyntax(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(PixelDataException.class).hasMessageContaining("apt-get install libcharls2");
    }
}
