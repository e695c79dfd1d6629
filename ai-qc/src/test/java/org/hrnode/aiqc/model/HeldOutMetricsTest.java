package org.hrnode.aiqc.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutMetricsTest {

    @Test
    void aucIsTheShareOfPositiveNegativePairsRankedRight() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.3};
        boolean[] positive = {true, false, true, false, false};
        // pairs (pos, neg): 0.9 beats all 3, 0.7 beats 0.6 and 0.3 → 5 of 6
        assertThat(HeldOutMetrics.auc(scores, positive)).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(HeldOutMetrics.auc(new double[] {0.5, 0.5}, new boolean[] {true, false})).isEqualTo(0.5);
        assertThat(HeldOutMetrics.auc(new double[] {0.5}, new boolean[] {true})).isNaN();
    }

    @Test
    void confusionCalibrationAndAccuracyOfAPerfectlyConfidentModel() {
        float[] pixels = new float[WorkingImage.SIZE * WorkingImage.SIZE];
        TrainingSample noisy = new TrainingSample(pixels, QcModality.CT, EnumSet.of(DegradationClass.NOISE));
        TrainingSample clean = new TrainingSample(pixels, QcModality.CT, EnumSet.noneOf(DegradationClass.class));
        float[] saysNoise = new float[DegradationClass.values().length];
        saysNoise[DegradationClass.NOISE.ordinal()] = 1;
        float[] saysClean = new float[DegradationClass.values().length];
        saysClean[DegradationClass.CLEAN.ordinal()] = 1;
        HeldOutMetrics m = HeldOutMetrics.of(List.of(noisy, clean, clean), List.of(saysNoise, saysClean, saysNoise));
        assertThat(m.confusion()[DegradationClass.NOISE.ordinal()][DegradationClass.NOISE.ordinal()]).isEqualTo(1);
        assertThat(m.confusion()[DegradationClass.CLEAN.ordinal()][DegradationClass.NOISE.ordinal()]).isEqualTo(1);
        assertThat(m.singleLabelAccuracy()).isCloseTo(2 / 3.0, within(1e-12));
        // 27 probabilities: 23 zeros that are all right, 3 ones of which 2 right, 1 confident miss...
        // bin [0.9,1]: 3 predictions at 1.0, 2 positive → |2/3 − 1| × 3/27; bin [0,0.1): 24 at 0, 1 positive
        assertThat(m.ece()).isCloseTo((3 / 27.0) * (1 / 3.0) + (24 / 27.0) * (1 / 24.0), within(1e-9));
        assertThat(m.recallAtHalf().get(DegradationClass.NOISE)).isEqualTo(1.0);
        assertThat(m.precisionAtHalf().get(DegradationClass.NOISE)).isEqualTo(0.5);
    }
}
