package org.hrnode.aiqc.pipeline;

import java.time.Period;
import java.util.Objects;

/**
 * The configurable part of the HR eligibility rule.
 *
 * @param minimumGrade   the worst grade still eligible (programme default 乙)
 * @param window         how long after the examination its result is recognised (川渝 spec §6.5: one month)
 * @param lateUploadVeto whether a late upload bars the mark; by default it is only a data-quality defect
 */
public record HrRules(Grade minimumGrade, Period window, boolean lateUploadVeto) {

    public static final HrRules DEFAULTS = new HrRules(Grade.B, Period.ofMonths(1), false);

    public HrRules {
        Objects.requireNonNull(minimumGrade, "minimumGrade");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the recognition window must be positive, got " + window);
        }
    }
}
