package org.hrnode.storage.qc;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's decision on a study's AI verdict, as stored in {@code qc_decisions} (V11).
 *
 * @param pk           its number, increasing with time; 0 for one not yet stored
 * @param action       {@code confirm} or {@code overrule}
 * @param grade        the human grade, A-D
 * @param reasonCode   Xinjiang non-recognition code (1-10) of a "not eligible" verdict, else null
 * @param aiGrade      the AI grade the reviewer saw (A-D); {@code aiHrEligible} and {@code aiGeneration} likewise
 * @param decidedAt    when it was stored; null for one not yet stored
 */
public record QcDecision(long pk, String studyInstanceUid, String decidedBy, Instant decidedAt, String action,
                         String grade, boolean hrEligible, Integer reasonCode, String comment, boolean reexamine,
                         String aiGrade, boolean aiHrEligible, long aiGeneration) {

    public QcDecision {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(aiGrade, "aiGrade");
        if (!hrEligible && reasonCode == null) {
            throw new IllegalArgumentException("a study judged not eligible needs a non-recognition reason code");
        }
    }
}
