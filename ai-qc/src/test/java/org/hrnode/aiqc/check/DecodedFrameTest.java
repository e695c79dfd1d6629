package org.hrnode.aiqc.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.aiqc.metrics.ImageChecks;
import org.hrnode.aiqc.model.DicomWorkingImages;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The image metrics and the model judge the frame a loaded image shares rather than decoding its Pixel Data again:
 * a JPEG-LS radiograph costs ≈ 220 ms to decode, and both engines look at the same middle frame.
 */
class DecodedFrameTest {

    private static DicomFile jpegLs() throws Exception {
        Path file = TestData.pydicomTestFiles().resolve("MR_small_jpeg_ls_lossless.dcm");
        TestData.require(Files.isRegularFile(file), "pydicom's MR_small_jpeg_ls_lossless.dcm");
        return DicomReader.readFile(file);
    }

    @Test
    void theSecondReaderGetsTheFrameTheFirstDecoded() throws Exception {
        DicomFile file = jpegLs();
        DecodedFrame frame = new DecodedFrame(file.dataset(), file.transferSyntax());
        PixelDescription stored = PixelDescription.of(file.dataset());

        byte[] first = frame.frame(stored, 0);

        assertThat(frame.frame(stored, 0)).isSameAs(first);
    }

    @Test
    void metricsAndModelReadTheSharedFrameNotTheirOwnDecode() throws Exception {
        DicomFile file = jpegLs();
        // The shared frame comes from a copy without Pixel Data: an engine that decoded the dataset itself would
        // succeed, one that reads the shared frame meets its failure.
        Dataset withoutPixels = jpegLs().dataset();
        withoutPixels.remove(Tag.PixelData);
        InstanceInput.LoadedPixels pixels = new InstanceInput.LoadedPixels(file.dataset(), file.transferSyntax(),
                new DecodedFrame(withoutPixels, file.transferSyntax()));

        CheckResult p0 = ImageChecks.evaluate(InstanceInput.withPixelsOnDemand(file.dataset(),
                file.transferSyntax(), () -> pixels), ModalityFamily.MR, CheckTable.defaults()).getFirst();

        assertThat(p0.checkId()).isEqualTo("P0");
        assertThat(p0.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(p0.detail()).contains("not encapsulated");
        assertThatThrownBy(() -> DicomWorkingImages.of(pixels, 0)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("not encapsulated");
    }
}
