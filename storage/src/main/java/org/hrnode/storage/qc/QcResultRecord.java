package org.hrnode.storage.qc;

import java.time.Instant;
import java.util.Objects;

/**
 * One QC result as stored in {@code qc_results} (V10). The JSON values are produced and read by the application; the
 * storage layer keeps them as they are.
 *
 * @param generation  the job generation that was judged
 * @param grade       A, B, C or D (甲, 乙, 丙, 废)
 * @param evaluatedAt when the judgement was made; null when reading back a result not yet stored
 */
public record QcResultRecord(long generation, String itemsJson, String explanation, double score, String grade,
                             boolean hrEligible, String vetoesJson, String reasonsJson, String defectsJson,
                             String checksJson, String modelVersion, Instant evaluatedAt) {

    public QcResultRecord {
        Objects.requireNonNull(itemsJson, "itemsJson");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(vetoesJson, "vetoesJson");
        Objects.requireNonNull(reasonsJson, "reasonsJson");
        Objects.requireNonNull(defectsJson, "defectsJson");
        Objects.requireNonNull(checksJson, "checksJson");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }
}
