package org.hrnode.aiqc.model;

import java.util.List;

/**
 * What the QC model predicts, one sigmoid output each (multi-label: an image can be noisy and cut off at once).
 * {@link #CLEAN} is its own output, trained as "no degradation applied", so that a caller gets a direct
 * probability of a good image instead of having to combine eight others. The order is the model's output order and
 * is written into the manifest; changing it means retraining.
 */
public enum DegradationClass {
    NOISE("noise"),
    BLUR("blur"),
    UNDER_EXPOSURE("under_exposure"),
    OVER_EXPOSURE("over_exposure"),
    COLLIMATION("collimation"),
    FOREIGN_BODY("foreign_body"),
    RING("ring"),
    GHOSTING("ghosting"),
    CLEAN("clean");

    /** The degradations the training data generator applies (everything but {@link #CLEAN}). */
    public static final List<DegradationClass> DEGRADATIONS = List.of(NOISE, BLUR, UNDER_EXPOSURE, OVER_EXPOSURE,
            COLLIMATION, FOREIGN_BODY, RING, GHOSTING);

    private final String id;

    DegradationClass(String id) {
        this.id = id;
    }

    /** Stable name used in the manifest, reports and APIs. */
    public String id() {
        return id;
    }

    public static DegradationClass ofId(String id) {
        for (DegradationClass c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown degradation class '" + id + "'");
    }
}
