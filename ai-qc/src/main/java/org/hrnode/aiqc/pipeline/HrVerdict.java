package org.hrnode.aiqc.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a study may carry the "川渝 HR" mark, and why not.
 *
 * @param eligible        all conditions hold
 * @param recognisedItems the matched catalogue items the institution was recognised for on the exam day
 * @param reasons         why it is not eligible; empty exactly when eligible
 * @param defects         data-quality defects that do not bar the mark (a late upload, unless configured to)
 * @param examDate        the exam day judged from, or null when unknown
 * @param windowEnd       the last day the result is recognised (exam day + window), or null when the exam day is
 *                        unknown: an eligible study loses the mark after it, without being judged again
 */
public record HrVerdict(boolean eligible, List<Integer> recognisedItems, List<IneligibilityReason> reasons,
                        List<IneligibilityReason> defects, LocalDate examDate, LocalDate windowEnd) {

    public HrVerdict {
        recognisedItems = List.copyOf(recognisedItems);
        reasons = List.copyOf(reasons);
        defects = List.copyOf(defects);
        if (eligible != reasons.isEmpty()) {
            throw new IllegalArgumentException("a verdict is eligible exactly when it has no reasons against it");
        }
    }
}
