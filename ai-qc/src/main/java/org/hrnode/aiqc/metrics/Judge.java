package org.hrnode.aiqc.metrics;

import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.Outcome;

/** Turns one measured value into a result against the check's {@code <name>.warn} and {@code <name>.fail}. */
final class Judge {

    private Judge() {
    }

    static CheckResult of(CheckDefinition check, String scope, String name, double value, boolean higherIsWorse,
            Map<String, Double> values, String problem) {
        if (Double.isNaN(value)) {
            return CheckResult.notApplicable(check, scope, "could not measure " + name + " on this image");
        }
        Outcome outcome = CheckResult.grade(value, check.param(name + ".warn"), check.param(name + ".fail"),
                higherIsWorse);
        String threshold = name + (higherIsWorse ? " ≤ " : " ≥ ") + "warn/fail limits: " + check.describe(
                name + ".warn", name + ".fail");
        String detail = outcome == Outcome.PASS ? name + " within limits" : problem + " (" + name + " "
                + Pixels.round(value, 3) + ")";
        return CheckResult.of(check, scope, outcome, values, threshold, detail);
    }
}
