package org.hrnode.aiqc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on real images it never saw: pictures whose sources the shipped training run held out (WG04
 * CT1, MR2, MR4, XA1 — here their lossless JPEG files; the run trained on other files and other encodings were
 * dropped as the same picture), degraded with the training generator under a seed training never used.
 */
class QcModelHeldOutTest {

    private static final List<String> HELD_OUT = List.of("CT1_JPLL", "MR2_JPLL", "MR4_JPLL", "XA1_JPLL");
    private static QcModel model;
    private static List<SourceImage> sources;

    @BeforeAll
    static void load() throws Exception {
        Path wg04 = TestData.sharedData().resolve("wg04/JPLL");
        sources = new ArrayList<>();
        for (String name : HELD_OUT) {
            DicomFile f = DicomReader.readFile(wg04.resolve(name));
            sources.add(new SourceImage(name, name,
                    QcModality.ofDicom(f.dataset().getString(org.hrnode.dicom.dict.Tag.Modality)),
                    DicomWorkingImages.of(f.dataset(), f.transferSyntax(), 0)));
        }
        model = QcModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static HeldOutMetrics evaluate(long seed) {
        List<TrainingSample> samples = TrainingSample.generate(sources, new Random(seed), 3);
        List<float[]> probabilities = new ArrayList<>();
        for (TrainingSample s : samples) {
            QcPrediction p = model.predict(WorkingImage.of(s.pixels()), s.modality());
            float[] row = new float[DegradationClass.values().length];
            for (DegradationClass c : DegradationClass.values()) {
                row[c.ordinal()] = (float) p.probability(c);
            }
            probabilities.add(row);
        }
        return HeldOutMetrics.of(samples, probabilities);
    }

    @Test
    void theEasyClassesSeparateWellOnUnseenImages() {
        HeldOutMetrics m = evaluate(99);
        for (DegradationClass c : EnumSet.of(DegradationClass.NOISE, DegradationClass.UNDER_EXPOSURE,
                DegradationClass.OVER_EXPOSURE)) {
            assertThat(m.auc().get(c)).as(c.id() + " AUC").isGreaterThan(0.8);
        }
    }

    @Test
    void aStronglyDegradedImageIsNamedForItsDegradation() {
        for (SourceImage s : sources) {
            float[] dark = s.image().pixels();
            for (int i = 0; i < dark.length; i++) {
                dark[i] *= 0.2f;
            }
            assertThat(model.predict(WorkingImage.of(dark), s.modality()).mostLikely()).as(s.id())
                    .isEqualTo(DegradationClass.UNDER_EXPOSURE);
            float[] burnt = s.image().pixels();
            for (int i = 0; i < burnt.length; i++) {
                burnt[i] = burnt[i] * 3 + 0.3f;
            }
            assertThat(model.predict(WorkingImage.of(burnt), s.modality()).mostLikely()).as(s.id())
                    .isEqualTo(DegradationClass.OVER_EXPOSURE);
            float[] noisy = s.image().pixels();
            Random rnd = new Random(5);
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += (float) (0.14 * rnd.nextGaussian());
            }
            assertThat(model.predict(WorkingImage.of(noisy), s.modality()).probability(DegradationClass.NOISE))
                    .as(s.id()).isGreaterThan(model.predict(s.image(), s.modality())
                            .probability(DegradationClass.NOISE));
        }
    }
}
