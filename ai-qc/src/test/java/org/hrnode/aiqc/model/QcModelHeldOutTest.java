package org.hrnode.aiqc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * The shipped model on real images it never saw: the WG04 pictures whose sources the shipped training run held out
 * (read from its manifest; here their lossless JPEG files — the run dropped other encodings of a picture as the same
 * picture, so none of them was trained on), degraded with the training generator under a seed training never used.
 */
class QcModelHeldOutTest {

    private static QcModel model;
    private static List<SourceImage> sources;

    @BeforeAll
    static void load() throws Exception {
        Path wg04 = TestData.sharedData().resolve("wg04/JPLL");
        model = QcModel.load();
        sources = new ArrayList<>();
        for (String id : model.manifest().heldOutSourceIds()) {
            // ids such as data/wg04/J2KI/CT1_J2KI: the picture is CT1, its lossless JPEG file CT1_JPLL
            if (!id.startsWith("data/wg04/")) {
                continue;
            }
            String picture = id.substring(id.lastIndexOf('/') + 1).split("_")[0];
            Path file = wg04.resolve(picture + "_JPLL");
            if (!Files.exists(file)) {
                continue;
            }
            String name = file.getFileName().toString();
            DicomFile f = DicomReader.readFile(file);
            sources.add(new SourceImage(name, name,
                    QcModality.ofDicom(f.dataset().getString(org.hrnode.dicom.dict.Tag.Modality)),
                    DicomWorkingImages.of(f.dataset(), f.transferSyntax(), 0)));
        }
        assertThat(sources).as("held-out WG04 pictures in the shipped manifest").hasSizeGreaterThanOrEqualTo(3);
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
        int named = 0;
        int flagged = 0;
        for (SourceImage s : sources) {
            QcPrediction original = model.predict(s.image(), s.modality());
            float[] dark = s.image().pixels();
            for (int i = 0; i < dark.length; i++) {
                dark[i] *= 0.2f;
            }
            QcPrediction darkened = model.predict(WorkingImage.of(dark), s.modality());
            assertThat(darkened.probability(DegradationClass.UNDER_EXPOSURE)).as(s.id())
                    .isGreaterThan(original.probability(DegradationClass.UNDER_EXPOSURE));
            float[] burnt = s.image().pixels();
            for (int i = 0; i < burnt.length; i++) {
                burnt[i] = burnt[i] * 3 + 0.3f;
            }
            QcPrediction burntOut = model.predict(WorkingImage.of(burnt), s.modality());
            assertThat(burntOut.probability(DegradationClass.OVER_EXPOSURE)).as(s.id())
                    .isGreaterThan(original.probability(DegradationClass.OVER_EXPOSURE));
            named += (darkened.mostLikely() == DegradationClass.UNDER_EXPOSURE ? 1 : 0)
                    + (burntOut.mostLikely() == DegradationClass.OVER_EXPOSURE ? 1 : 0);
            flagged += (darkened.probability(DegradationClass.UNDER_EXPOSURE) > 0.5 ? 1 : 0)
                    + (burntOut.probability(DegradationClass.OVER_EXPOSURE) > 0.5 ? 1 : 0);
            float[] noisy = s.image().pixels();
            Random rnd = new Random(5);
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += (float) (0.14 * rnd.nextGaussian());
            }
            assertThat(model.predict(WorkingImage.of(noisy), s.modality()).probability(DegradationClass.NOISE))
                    .as(s.id()).isGreaterThan(original.probability(DegradationClass.NOISE));
        }
        // every image's own probability rises; across images, three quarters are flagged (p > 0.5) and named
        int threeQuarters = (int) Math.ceil(0.75 * 2 * sources.size());
        assertThat(flagged).as("exposure errors with p > 0.5").isGreaterThanOrEqualTo(threeQuarters);
        assertThat(named).as("exposure errors named as the most likely class").isGreaterThanOrEqualTo(threeQuarters);
    }
}
