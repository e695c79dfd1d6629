package org.hrnode.aiqc.grade;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.aiqc.check.CheckResult;

/**
 * The QC verdict of a study: score 0–100, grade, the vetoes that forced 废, every deduction with its reason, and
 * the per-series and per-image verdicts and results behind them. The score is the mean of the series scores minus
 * the study-level deductions; it is not lowered by vetoes, which act on the grade alone — so a reader sees both
 * how good the pictures are and why the study is still refused.
 */
public record StudyVerdict(String studyInstanceUid, double score, Grade grade, List<Deduction> vetoes,
        List<Deduction> deductions, List<SeriesVerdict> series, List<CheckResult> studyResults) {

    public StudyVerdict {
        vetoes = List.copyOf(vetoes);
        deductions = List.copyOf(deductions);
        series = List.copyOf(series);
        studyResults = List.copyOf(studyResults);
    }

    public boolean vetoed() {
        return !vetoes.isEmpty();
    }

    /** Every result of every level: study, series, images. */
    public List<CheckResult> allResults() {
        List<CheckResult> out = new ArrayList<>(studyResults);
        for (SeriesVerdict s : series) {
            out.addAll(s.results());
            s.images().forEach(i -> out.addAll(i.results()));
        }
        return out;
    }

    /** The results of one check id, at every level. */
    public List<CheckResult> resultsOf(String checkId) {
        return allResults().stream().filter(r -> r.checkId().equals(checkId)).toList();
    }

    /** A readable account: the grade and score, then one line per veto and deduction. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append("grade ").append(grade.zh()).append(" (").append(grade).append("), score ").append(score);
        for (Deduction d : vetoes) {
            sb.append('\n').append(d.explain());
        }
        for (Deduction d : deductions) {
            if (!d.veto()) {
                sb.append('\n').append(d.explain());
            }
        }
        return sb.toString();
    }
}
