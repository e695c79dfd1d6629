package org.hrnode.aiqc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model loads from the jar offline, answers in range with its version, and is safe across threads. */
class QcModelTest {

    private static QcModel model;

    @BeforeAll
    static void load() throws Exception {
        model = QcModel.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static WorkingImage phantom(long seed) {
        float[] p = DegradationsTest.phantom();
        Degradations.benign(p, new Random(seed));
        return WorkingImage.of(p);
    }

    @Test
    void theShippedManifestNamesItsVersionClassesAndHeldOutMetrics() {
        ModelManifest m = model.manifest();
        assertThat(model.version()).startsWith("qc-cnn-").hasSize("qc-cnn-".length() + 12);
        assertThat(m.classes()).hasSize(DegradationClass.values().length).contains("noise", "ring", "clean");
        assertThat(m.parameterCount()).isBetween(10_000L, 60_000L);
        assertThat(m.heldOutAuc()).containsKeys("noise", "under_exposure", "over_exposure");
        assertThat(m.trainingDataHash()).hasSize(64);
    }

    @Test
    void predictsAProbabilityForEveryClassAndSaysWhichModel() {
        QcPrediction p = model.predict(phantom(1), QcModality.CT);
        assertThat(p.modelVersion()).isEqualTo(model.version());
        assertThat(p.probabilities()).hasSize(DegradationClass.values().length);
        assertThat(p.probabilities().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
        List<WorkingImage> images = new ArrayList<>();
        List<QcPrediction> sequential = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            images.add(phantom(i));
            sequential.add(model.predict(images.get(i), QcModality.values()[i % QcModality.values().length]));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<QcPrediction>> futures = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> model.predict(images.get(k),
                        QcModality.values()[k % QcModality.values().length])));
            }
            for (int i = 0; i < images.size(); i++) {
                assertThat(futures.get(i).get().probabilities()).isEqualTo(sequential.get(i).probabilities());
            }
        }
    }

    @Test
    void theModalityInputChangesTheAnswer() {
        WorkingImage image = phantom(3);
        assertThat(model.predict(image, QcModality.CT).probabilities())
                .isNotEqualTo(model.predict(image, QcModality.PROJECTION).probabilities());
    }

    @Test
    void aManifestForOtherClassesIsRefused() {
        String json = model.manifest().toJson().replace("\"ring\"", "\"stripes\"");
        assertThatThrownBy(() -> ModelManifest.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stripes");
    }
}
