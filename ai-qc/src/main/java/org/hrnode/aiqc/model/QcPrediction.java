package org.hrnode.aiqc.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The model's answer for one image: a probability in [0, 1] per {@link DegradationClass} (independent sigmoids,
 * so they need not sum to 1) and the version of the model that gave it, to be stored with any result.
 */
public record QcPrediction(Map<DegradationClass, Double> probabilities, String modelVersion) {

    public QcPrediction {
        probabilities = Collections.unmodifiableMap(new EnumMap<>(probabilities));
    }

    public double probability(DegradationClass c) {
        return probabilities.get(c);
    }

    /** The most probable class (ties: the first in {@link DegradationClass} order). */
    public DegradationClass mostLikely() {
        DegradationClass best = DegradationClass.CLEAN;
        double p = -1;
        for (DegradationClass c : DegradationClass.values()) {
            if (probabilities.get(c) > p) {
                p = probabilities.get(c);
                best = c;
            }
        }
        return best;
    }
}
