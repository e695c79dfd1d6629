package org.hrnode.aiqc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each synthetic degradation does to a smooth test image what its documentation says, reproducibly. */
class DegradationsTest {

    private static final int N = WorkingImage.SIZE;

    /** A smooth "anatomy": a bright disc with a soft edge and a gentle gradient on a dark background. */
    static float[] phantom() {
        float[] p = new float[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double r = Math.hypot(x - N / 2.0, y - N / 2.0);
                double disc = 1 / (1 + Math.exp((r - 45) / 2.0));
                p[y * N + x] = (float) (0.1 + 0.5 * disc + 0.2 * disc * x / N);
            }
        }
        return p;
    }

    private static float[] degraded(DegradationClass c, long seed) {
        float[] p = phantom();
        Degradations.apply(c, p, new Random(seed));
        return p;
    }

    /** Mean squared difference between horizontal neighbours: high-frequency energy. */
    private static double roughness(float[] p) {
        double s = 0;
        for (int y = 0; y < N; y++) {
            for (int x = 1; x < N; x++) {
                double d = p[y * N + x] - p[y * N + x - 1];
                s += d * d;
            }
        }
        return s / (N * (N - 1));
    }

    private static double mean(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return s / p.length;
    }

    private static double share(float[] p, float value) {
        int n = 0;
        for (float v : p) {
            n += v == value ? 1 : 0;
        }
        return (double) n / p.length;
    }

    @Test
    void noiseRaisesHighFrequencyEnergyManyFold() {
        assertThat(roughness(degraded(DegradationClass.NOISE, 1))).isGreaterThan(20 * roughness(phantom()));
    }

    @Test
    void blurSoftensTheEdgeOfTheDisc() {
        float[] withEdge = phantom();
        for (int i = 0; i < withEdge.length; i++) {
            withEdge[i] = withEdge[i] > 0.35f ? 0.8f : 0.1f; // a hard edge blur must spread
        }
        float[] blurred = withEdge.clone();
        Degradations.apply(DegradationClass.BLUR, blurred, new Random(3));
        assertThat(roughness(blurred)).isLessThan(0.6 * roughness(withEdge));
    }

    @Test
    void exposureErrorsDarkenOrSaturate() {
        assertThat(mean(degraded(DegradationClass.UNDER_EXPOSURE, 4))).isLessThan(0.5 * mean(phantom()));
        float[] over = degraded(DegradationClass.OVER_EXPOSURE, 5);
        assertThat(share(over, 1f)).as("share of saturated pixels").isGreaterThan(0.2);
        assertThat(share(phantom(), 1f)).isZero();
    }

    @Test
    void collimationBlanksABandAlongAnEdge() {
        float[] p = degraded(DegradationClass.COLLIMATION, 6);
        double blank = Math.max(share(p, 0f), share(p, 1f));
        assertThat(blank).as("share of the field filled by the blade").isBetween(0.15, 0.75);
    }

    @Test
    void foreignBodyInsertsSaturatedObjects() {
        float[] p = degraded(DegradationClass.FOREIGN_BODY, 7);
        assertThat(share(p, 1f)).isGreaterThan(5.0 / (N * N)).isLessThan(0.1);
    }

    @Test
    void ringAltersTheImageVisibly() {
        float[] base = phantom();
        float[] p = degraded(DegradationClass.RING, 8);
        double changed = 0;
        for (int i = 0; i < p.length; i++) {
            changed += Math.abs(p[i] - base[i]);
        }
        assertThat(changed / p.length).isGreaterThan(0.005);
    }

    @Test
    void ghostingAddsAShiftedCopy() {
        float[] base = phantom();
        float[] p = degraded(DegradationClass.GHOSTING, 9);
        assertThat(mean(p)).isGreaterThan(mean(base) * 1.15);
    }

    @Test
    void theSameSeedGivesTheSameImage() {
        for (DegradationClass c : DegradationClass.DEGRADATIONS) {
            assertThat(degraded(c, 42)).as(c.id()).isEqualTo(degraded(c, 42));
        }
    }
}
