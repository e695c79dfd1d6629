package org.hrnode.aiqc.grade;

import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.Level;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.check.Severity;

/**
 * One reason the study lost points or was vetoed, with everything a QC reader needs to see why: the check and
 * what it means (zh, en), where it was measured, the values, the thresholds and what was found.
 *
 * @param points what it took off the score of its own level (an image, a series or the study); 0 for a veto
 */
public record Deduction(String checkId, Level level, String scope, Outcome outcome, boolean veto, double points,
        Map<String, Double> values, String threshold, String detail, String zh, String en) {

    static Deduction of(CheckResult result, CheckDefinition check) {
        boolean veto = check.severity() == Severity.VETO && result.outcome() == Outcome.FAIL;
        double points = veto ? 0 : result.outcome() == Outcome.FAIL ? check.points()
                : result.outcome() == Outcome.WARN ? check.points() / 2 : 0;
        return new Deduction(result.checkId(), result.level(), result.scope(), result.outcome(), veto, points,
                result.values(), result.threshold(), result.detail(), check.zh(), check.en());
    }

    /** One line: {@code X8 [image 1.2.3] FAIL −20: 图像模糊… / Blurred image…: blurred (blur 0.81); blur ≤ …}. */
    public String explain() {
        String cost = veto ? "VETO" : "−" + (points == Math.rint(points) ? Long.toString((long) points)
                : Double.toString(points));
        return checkId + " [" + level.name().toLowerCase(java.util.Locale.ROOT) + " " + scope + "] " + outcome + " "
                + cost + ": " + zh + " / " + en + ": " + detail + (threshold.isEmpty() ? "" : "; " + threshold);
    }
}
