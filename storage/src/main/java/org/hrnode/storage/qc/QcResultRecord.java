package org.hrnode.storage.qc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One QC result as stored in {@code qc_results} (V10). The JSON values are produced and read by the application; the
 * storage layer keeps them as they are.
 *
 * @param generation  the job generation that was judged
 * @param grade       A, B, C or D (甲, 乙, 丙, 废)
 * @param hrEligible  eligible when judged; it lapses after {@code hrWindowEnd}
 * @param examDate    the exam day judged from, or null
 * @param hrWindowEnd the last day the result is recognised, or null when the exam day is unknown
 * @param evaluatedAt when the judgement was made; null when reading back a result not yet stored
 */
public record QcResultRecord(long generation, String itemsJson, String explanation, double score, String grade,
                             boolean hrEligible, LocalDate examDate, LocalDate hrWindowEnd, String vetoesJson, String reasonsJson, String defectsJson,
                             String checksJson, String modelVersion, Instant evaluatedAt) {

    public QcResultRecord {
        if (hrEligible && hrWindowEnd == null) {
            throw new IllegalArgumentException("an eligible result needs the last day of its recognition window");
        }
        Objects.requireNonNull(itemsJson, "itemsJson");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(vetoesJson, "vetoesJson");
        Objects.requireNonNull(reasonsJson, "reasonsJson");
        Objects.requireNonNull(defectsJson, "defectsJson");
        Objects.requireNonNull(checksJson, "checksJson");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }

    /** Whether the study may carry the mark on {@code day}: eligible when judged and the window not yet passed. */
    public boolean hrEligibleOn(LocalDate day) {
        return hrEligible && !day.isAfter(hrWindowEnd);
    }
}
