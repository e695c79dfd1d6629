package org.hrnode.aiqc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.testing.Phantoms;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** Decoding into the working image: bits above High Bit, MONOCHROME1, rescale to HU, the overview size. */
class WorkingImageTest {

    @Test
    void bitsAboveHighBitAreNotPixelValues() {
        Dataset clean = Phantoms.knee();
        Dataset dirty = Phantoms.knee();
        byte[] pixels = dirty.getBytes(Tag.PixelData).clone();
        for (int i = 1; i < pixels.length; i += 2) {
            pixels[i] |= (byte) 0xE0;
        }
        dirty.set(Tag.PixelData, VR.OW, pixels);
        StudyVerdict a = Qc.evaluate(Phantoms.inputs(clean));
        StudyVerdict b = Qc.evaluate(Phantoms.inputs(dirty));
        for (String id : new String[] {"X5", "X6", "E1", "X8", "X11"}) {
            assertThat(Qc.result(b, id).values()).as(id).isEqualTo(Qc.result(a, id).values());
        }
    }

    @Test
    void monochrome1IsTurnedRoundSoShuttersStayBright() {
        Dataset mono2 = Phantoms.knee();
        Dataset mono1 = Phantoms.knee();
        byte[] pixels = mono1.getBytes(Tag.PixelData).clone();
        for (int i = 0; i < pixels.length; i += 2) {
            int v = (pixels[i] & 0xFF) | (pixels[i + 1] & 0xFF) << 8;
            int inverted = 4095 - v;
            pixels[i] = (byte) inverted;
            pixels[i + 1] = (byte) (inverted >> 8);
        }
        mono1.set(Tag.PixelData, VR.OW, pixels);
        mono1.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME1");
        StudyVerdict a = Qc.evaluate(Phantoms.inputs(mono2));
        StudyVerdict b = Qc.evaluate(Phantoms.inputs(mono1));
        assertThat(Qc.result(b, "X6").values()).isEqualTo(Qc.result(a, "X6").values());
        assertThat(Qc.result(b, "X7").values()).isEqualTo(Qc.result(a, "X7").values());
    }

    @Test
    void ctValuesAreHounsfieldUnitsAndRadiographsAreReducedToTheOverview() throws Exception {
        Dataset ct = Phantoms.headCt(1, 5).getFirst();
        try (WorkingImage image = WorkingImage.decode(ct, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                ModalityFamily.CT)) {
            float[] v = Pixels.floats(image.overview());
            assertThat(v[0]).as("air in the corner").isBetween(-1020f, -980f);
            assertThat(image.scale()).isEqualTo(1.0);
        }
        try (WorkingImage image = WorkingImage.decode(Phantoms.knee(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                ModalityFamily.DR)) {
            assertThat(image.overview().rows()).isEqualTo(512);
            assertThat(image.overview().cols()).isEqualTo(410);
            assertThat(image.overviewPixelMm()).isCloseTo(0.15 * 1000 / 512, org.assertj.core.data.Offset.offset(
                    1e-9));
        }
    }
}
