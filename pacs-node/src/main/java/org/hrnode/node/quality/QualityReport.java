package org.hrnode.node.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One institution's data quality over a period, after QCspec §7.1. Each percentage is null when there was nothing
 * to measure. docs/CONFORMANCE.md defines every metric.
 *
 * @param studies     studies with at least one instance that arrived in the period
 * @param instances   instances that arrived in the period
 * @param consistency report ↔ image consistency (§7.1.2)
 * @param reportTurnaround §7.1.1: reports of exams performed in the period, per time-limit class
 * @param dailyReports  authenticated reports per day and ordering department (the Xinjiang daily upload)
 */
public record QualityReport(String institutionCode, String institutionName, LocalDate from, LocalDate to,
                            String timeZone, long studies, long instances, TimelinessMetric timeliness,
                            Metric completeness, Metric accuracy, Continuity continuity, Metric lossless,
                            Consistency consistency, List<TurnaroundMetric> reportTurnaround,
                            List<DailyReports> dailyReports) {

    /**
     * A share with what it was computed from.
     *
     * @param percent       100 × numerator / denominator, one decimal; null when the denominator is 0
     * @param targetPercent the spec's threshold, null when it sets none
     * @param meetsTarget   null when there is no target or nothing was measured
     */
    public record Metric(Double percent, long numerator, long denominator, Double targetPercent,
                         Boolean meetsTarget) {

        static Metric of(long numerator, long denominator, Double targetPercent) {
            Double percent = denominator == 0 ? null : roundToTenth(100.0 * numerator / denominator);
            Boolean meets = percent == null || targetPercent == null ? null : percent >= targetPercent;
            return new Metric(percent, numerator, denominator, targetPercent, meets);
        }
    }

    /**
     * §7.1.1: share of the studies with a known upload time that were fully uploaded within the limit.
     *
     * @param percent         on time ÷ (on time + late), null when no study could be judged
     * @param lateAfterMinutes the limit
     * @param unknownStudies  studies with an instance that states no usable acquisition time (not in the share)
     * @param clockSkewStudies studies acquired "after" they arrived (not in the share)
     */
    public record TimelinessMetric(Double percent, long onTimeStudies, long lateStudies, long unknownStudies,
                                   long clockSkewStudies, long lateAfterMinutes) {
    }

    /**
     * §7.1.5: the longest time between two consecutive uploads in the period.
     *
     * @param longestGapHours one decimal; null with fewer than two uploads
     * @param flagged         the gap exceeds {@code limitHours}
     */
    public record Continuity(Double longestGapHours, Instant gapStart, Instant gapEnd, long limitHours,
                             boolean flagged) {
    }

    /**
     * §7.1.2: every report has its images and every study its report. percent = (reports with images + studies
     * with a report) ÷ (reports + studies), null with neither; target 100 %.
     *
     * @param reports  reports (not cancelled) of exams performed in the period; {@code reportsWithImages} of them
     *                 are linked to a study stored here
     * @param studies  studies that arrived in the period; {@code studiesWithReport} of them have a report
     */
    public record Consistency(Double percent, String status, long reports, long reportsWithImages, long studies,
                              long studiesWithReport, double targetPercent, Boolean meetsTarget) {

        static Consistency of(long reports, long reportsWithImages, long studies, long studiesWithReport) {
            Metric m = Metric.of(reportsWithImages + studiesWithReport, reports + studies, 100.0);
            return new Consistency(m.percent(), m.percent() == null ? "no reports or studies in the period"
                    : "measured", reports, reportsWithImages, studies, studiesWithReport, 100.0, m.meetsTarget());
        }
    }

    /**
     * §7.1.1 for one class of reports: how many were authenticated within the limit.
     *
     * @param percent  within ÷ reports, null without reports
     * @param medianMinutes from exam to authentication, null without reports
     */
    public record TurnaroundMetric(String turnaroundClass, String label, double limitHours, long reports,
                                   long withinLimit, Double percent, Double medianMinutes) {
    }

    /** The reports authenticated on a day for one ordering department. */
    public record DailyReports(LocalDate day, String deptCode, String deptName, long exams) {
    }

    static double roundToTenth(double value) {
        return Math.round(value * TENTHS) / (double) TENTHS;
    }

    private static final int TENTHS = 10;
}
