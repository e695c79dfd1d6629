package org.hrnode.aiqc.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One synthetic example: a source image with zero, one or two degradations applied, and its multi-label target
 * (1 for each applied degradation; {@link DegradationClass#CLEAN} is 1 exactly when none was applied).
 */
record TrainingSample(float[] pixels, QcModality modality, Set<DegradationClass> applied) {

    /** Random pairs added per source image besides the clean and the eight single-degradation samples. */
    static final int PAIRS_PER_SOURCE = 3;

    /**
     * The order degradations are applied in when two meet: the acquisition first (exposure, objects, detector
     * artefacts, motion), then the field edge, noise last — so blur never wipes out the noise it is paired with.
     */
    private static final List<DegradationClass> APPLY_ORDER = List.of(DegradationClass.UNDER_EXPOSURE,
            DegradationClass.OVER_EXPOSURE, DegradationClass.FOREIGN_BODY, DegradationClass.RING,
            DegradationClass.GHOSTING, DegradationClass.BLUR, DegradationClass.COLLIMATION, DegradationClass.NOISE);

    /** How many samples {@link #generate} makes per source for {@code repeats}. */
    static int perSource(int repeats) {
        return repeats * (1 + DegradationClass.DEGRADATIONS.size()) + PAIRS_PER_SOURCE;
    }

    float[] labels() {
        float[] y = new float[DegradationClass.values().length];
        for (DegradationClass c : applied) {
            y[c.ordinal()] = 1;
        }
        if (applied.isEmpty()) {
            y[DegradationClass.CLEAN.ordinal()] = 1;
        }
        return y;
    }

    boolean isSingleLabel() {
        return applied.size() <= 1;
    }

    /** The one class of a clean or single-degradation sample. */
    DegradationClass singleClass() {
        return applied.isEmpty() ? DegradationClass.CLEAN : applied.iterator().next();
    }

    /**
     * For each source: {@code repeats} × (one clean sample and one per degradation) plus {@link #PAIRS_PER_SOURCE}
     * samples with two different degradations (never under- and over-exposure together), all with
     * {@link Degradations#benign} variation. Deterministic for a given {@code rnd} state.
     */
    static List<TrainingSample> generate(List<SourceImage> sources, Random rnd, int repeats) {
        List<TrainingSample> out = new ArrayList<>();
        List<DegradationClass> degradations = DegradationClass.DEGRADATIONS;
        for (SourceImage s : sources) {
            for (int r = 0; r < repeats; r++) {
                out.add(make(s, EnumSet.noneOf(DegradationClass.class), rnd));
                for (DegradationClass c : degradations) {
                    out.add(make(s, EnumSet.of(c), rnd));
                }
            }
            for (int k = 0; k < PAIRS_PER_SOURCE; k++) {
                DegradationClass a = degradations.get(rnd.nextInt(degradations.size()));
                DegradationClass b;
                do {
                    b = degradations.get(rnd.nextInt(degradations.size()));
                } while (b == a || isExposurePair(a, b));
                out.add(make(s, EnumSet.of(a, b), rnd));
            }
        }
        return out;
    }

    private static boolean isExposurePair(DegradationClass a, DegradationClass b) {
        Set<DegradationClass> pair = EnumSet.of(a, b);
        return pair.equals(EnumSet.of(DegradationClass.UNDER_EXPOSURE, DegradationClass.OVER_EXPOSURE));
    }

    private static TrainingSample make(SourceImage s, Set<DegradationClass> applied, Random rnd) {
        float[] p = s.image().pixels();
        Degradations.benign(p, rnd);
        for (DegradationClass c : APPLY_ORDER) {
            if (applied.contains(c)) {
                Degradations.apply(c, p, rnd);
            }
        }
        return new TrainingSample(p, s.modality(), applied);
    }
}
