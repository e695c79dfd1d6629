package org.hrnode.aiqc.check;

/**
 * What a failed check costs. A {@link #VETO} makes the study 废 whatever its score (spec §7.3: wrong or missing
 * laterality, missing slices, single-plane MR, undecodable pixels); a {@link #DEDUCTION} takes its points off the
 * score of the image, series or study it was measured on.
 */
public enum Severity {
    VETO, DEDUCTION
}
