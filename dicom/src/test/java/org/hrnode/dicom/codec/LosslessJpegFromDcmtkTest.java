package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.ExternalTool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lossless JPEG as DCMTK writes it ({@code dcmcjpeg +el}: process 14 with predictor selection, {@code +e1}: SV1),
 * including RGB, which WG04 has no JPLL file of: our decoder gives back the reference pixels.
 */
class LosslessJpegFromDcmtkTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CT1, +el, 1.2.840.10008.1.2.4.57", "MR2, +e1, 1.2.840.10008.1.2.4.70",
            "VL1, +el, 1.2.840.10008.1.2.4.57", "US1, +e1, 1.2.840.10008.1.2.4.70"})
    void dcmtkLosslessJpegDecodesToTheReference(String image, String option, String expectedSyntax)
            throws Exception {
        ExternalTool.require("dcmcjpeg");
        Path reference = Wg04.reference(image);
        Path compressed = temp.resolve(image + ".jpll.dcm");
        ExternalTool.Result r = ExternalTool.run("dcmcjpeg", option, reference.toString(), compressed.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        DicomFile dicom = DicomReader.readFile(compressed);
        assertThat(dicom.transferSyntax()).isEqualTo(TransferSyntax.of(expectedSyntax));
        DecodedPixels ours = DecodedPixels.of(dicom.dataset(), dicom.transferSyntax());
        DecodedPixels original = DecodedPixels.of(reference);
        assertThat(ours.description().photometricInterpretation())
                .isEqualTo(original.description().photometricInterpretation());
        assertThat(ours.bytes()).isEqualTo(original.bytes());
    }
}
