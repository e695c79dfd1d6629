package org.hrnode.aiqc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.GradeScale;
import org.hrnode.aiqc.grade.QcOptions;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.grade.StudyVerdict;

/** The QC under test: shipped checks and grades, a fixed clock (the day after the test studies), UTC. */
public final class Qc {

    private Qc() {
    }

    public static StudyQc qc() {
        return qc(CheckTable.defaults());
    }

    public static StudyQc qc(CheckTable table) {
        return new StudyQc(table, GradeScale.DEFAULT, new QcOptions(4, ZoneOffset.UTC),
                Clock.fixed(RealStudies.NOW, ZoneOffset.UTC));
    }

    public static StudyVerdict evaluate(List<InstanceInput> inputs) {
        return qc().evaluate(inputs);
    }

    /** The results of a check; asserts there is at least one. */
    public static List<CheckResult> results(StudyVerdict verdict, String checkId) {
        List<CheckResult> results = verdict.resultsOf(checkId);
        assertThat(results).as("results of " + checkId + " in\n" + verdict.explain()).isNotEmpty();
        return results;
    }

    /** The one result of a check (study- or series-level checks of one-series studies). */
    public static CheckResult result(StudyVerdict verdict, String checkId) {
        List<CheckResult> results = results(verdict, checkId);
        assertThat(results).as(checkId).hasSize(1);
        return results.getFirst();
    }

    /** The largest value of {@code name} among a check's results. */
    public static double max(StudyVerdict verdict, String checkId, String name) {
        return results(verdict, checkId).stream().mapToDouble(r -> r.values().getOrDefault(name, Double.NaN))
                .max().orElseThrow();
    }

    public static double min(StudyVerdict verdict, String checkId, String name) {
        return results(verdict, checkId).stream().mapToDouble(r -> r.values().getOrDefault(name, Double.NaN))
                .min().orElseThrow();
    }

    /** Whether every result of the check has this outcome. */
    public static void assertAll(StudyVerdict verdict, String checkId, Outcome outcome) {
        assertThat(results(verdict, checkId)).as(checkId + " in\n" + verdict.explain())
                .allSatisfy(r -> assertThat(r.outcome()).as(r.detail()).isEqualTo(outcome));
    }

    /** Whether some result of the check has this outcome. */
    public static void assertSome(StudyVerdict verdict, String checkId, Outcome outcome) {
        assertThat(results(verdict, checkId)).as(checkId + " in\n" + verdict.explain())
                .anySatisfy(r -> assertThat(r.outcome()).isEqualTo(outcome));
    }
}
