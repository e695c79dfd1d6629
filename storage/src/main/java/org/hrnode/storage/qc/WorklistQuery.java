package org.hrnode.storage.qc;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the QC console's worklist asks for; null filters match everything.
 *
 * @param flaggedOnly   only studies the AI flagged: effective grade 丙/废, a veto, no catalogue item, or the best
 *                      item's confidence below {@code minConfidence}
 * @param itemNo        catalogue item among the matched ones
 * @param grade         effective grade A-D
 * @param failedCheck   id of a check that failed
 * @param decided       true: only studies a reviewer decided; false: only those not yet decided
 * @param from          first study date included; {@code to} the last
 * @param sort          one of {@link #SORTS}; {@code descending} its direction
 * @param limit         rows per page (1-500); {@code offset} rows skipped
 */
public record WorklistQuery(boolean flaggedOnly, double minConfidence, String institution, String region,
                            String modality, Integer itemNo, String grade, String failedCheck, Boolean decided, LocalDate from,
                            LocalDate to, String sort, boolean descending, int limit, int offset) {

    /** Sort keys and the column each orders by. */
    public static final Set<String> SORTS = Set.of("date", "score", "grade", "institution", "evaluated");

    public WorklistQuery {
        if (!SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORTS + ", not " + sort);
        }
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1-500, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (grade != null && !Set.of("A", "B", "C", "D").contains(grade)) {
            throw new IllegalArgumentException("grade must be A-D (甲乙丙废), not " + grade);
        }
    }
}
