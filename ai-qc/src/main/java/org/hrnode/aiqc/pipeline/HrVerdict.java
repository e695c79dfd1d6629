package org.hrnode.aiqc.pipeline;

import java.util.List;

/**
 * Whether a study may carry the "川渝 HR" mark, and why not.
 *
 * @param eligible        all conditions hold
 * @param recognisedItems the matched catalogue items the institution was recognised for on the exam day
 * @param reasons         why it is not eligible; empty exactly when eligible
 * @param defects         data-quality defects that do not bar the mark (a late upload, unless configured to)
 */
public record HrVerdict(boolean eligible, List<Integer> recognisedItems, List<IneligibilityReason> reasons,
                        List<IneligibilityReason> defects) {

    public HrVerdict {
        recognisedItems = List.copyOf(recognisedItems);
        reasons = List.copyOf(reasons);
        defects = List.copyOf(defects);
        if (eligible != reasons.isEmpty()) {
            throw new IllegalArgumentException("a verdict is eligible exactly when it has no reasons against it");
        }
    }
}
