package org.hrnode.aiqc.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one check found on one image, series or study: the values it measured (by name, in the order measured),
 * the thresholds it compared them with, the outcome, and a sentence saying what was wrong (or why the check did not
 * apply). The check's meaning in zh/en is in its {@link CheckDefinition}.
 *
 * @param scope     {@code study}, a Series Instance UID or a SOP Instance UID: what was measured
 * @param threshold the limits compared against, as text ({@code di.warn=1, di.fail=3})
 * @param detail    what was found, in English, naming attributes by PS3.6 keyword
 */
public record CheckResult(String checkId, Level level, String scope, Outcome outcome, Map<String, Double> values,
        String threshold, String detail) {

    public CheckResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static CheckResult of(CheckDefinition check, String scope, Outcome outcome, Map<String, Double> values,
            String threshold, String detail) {
        return new CheckResult(check.id(), check.level(), scope, outcome, values, threshold, detail);
    }

    public static CheckResult pass(CheckDefinition check, String scope, Map<String, Double> values, String threshold,
            String detail) {
        return of(check, scope, Outcome.PASS, values, threshold, detail);
    }

    public static CheckResult fail(CheckDefinition check, String scope, Map<String, Double> values, String threshold,
            String detail) {
        return of(check, scope, Outcome.FAIL, values, threshold, detail);
    }

    public static CheckResult notApplicable(CheckDefinition check, String scope, String why) {
        return of(check, scope, Outcome.NOT_APPLICABLE, Map.of(), "", why);
    }

    /**
     * The outcome of a value against a warn and a fail limit: above (or, for {@code higherIsWorse == false},
     * below) the fail limit fails, past the warn limit warns.
     */
    public static Outcome grade(double value, double warn, double fail, boolean higherIsWorse) {
        if (Double.isNaN(value)) {
            return Outcome.NOT_APPLICABLE;
        }
        if (higherIsWorse) {
            return value > fail ? Outcome.FAIL : value > warn ? Outcome.WARN : Outcome.PASS;
        }
        return value < fail ? Outcome.FAIL : value < warn ? Outcome.WARN : Outcome.PASS;
    }
}
