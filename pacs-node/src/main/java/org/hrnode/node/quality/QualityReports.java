package org.hrnode.node.quality;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.quality.PeriodCounts;
import org.hrnode.storage.quality.PostgresQualityStatistics;
import org.hrnode.storage.reports.PostgresReports;
import org.hrnode.storage.reports.ReportCounts;

/**
 * Builds {@link QualityReport}s from the index's aggregates: the SQL counts, this class turns them into the spec's
 * shares and compares them with its thresholds (QCspec §7.1). Used by the HTTP API and {@code ./hrnode quality}.
 */
public final class QualityReports {

    /** §7.1.3: 完整性不低于95%. */
    public static final double COMPLETENESS_TARGET_PERCENT = 95.0;
    /** §7.1.4: 准确性不低于90%. */
    public static final double ACCURACY_TARGET_PERCENT = 90.0;
    /** §7.1: 需采用DICOM无损压缩格式上传 — every upload. */
    public static final double LOSSLESS_TARGET_PERCENT = 100.0;
    /** §7.1.5: 间断时间过长不应超过24小时. */
    public static final Duration CONTINUITY_LIMIT = Duration.ofHours(24);
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double SECONDS_PER_MINUTE = 60.0;
    private static final double MINUTES = 60.0;

    private final AeRegistry aeRegistry;
    private final PostgresQualityStatistics statistics;
    private final ZoneId zone;
    private final Duration lateAfter;
    private final PostgresReports reports;

    /**
     * @param zone      the zone in which report periods are days
     * @param lateAfter the lateness limit the instances were judged with, reported alongside
     */
    public QualityReports(AeRegistry aeRegistry, PostgresQualityStatistics statistics, ZoneId zone,
            Duration lateAfter, PostgresReports reports) {
        this.aeRegistry = Objects.requireNonNull(aeRegistry, "aeRegistry");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.lateAfter = Objects.requireNonNull(lateAfter, "lateAfter");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** The zone report periods are reckoned in. */
    public ZoneId zone() {
        return zone;
    }

    /** The report for an institution of the AE registry; empty when no AE belongs to {@code institutionCode}. */
    public Optional<QualityReport> forInstitution(String institutionCode, ReportPeriod period) {
        Optional<ApplicationEntity> member = aeRegistry.list().stream()
                .filter(ae -> ae.institutionCode().equals(institutionCode)).findFirst();
        if (member.isEmpty()) {
            return Optional.empty();
        }
        PeriodCounts c = statistics.period(institutionCode, period.start(zone), period.end(zone));
        ReportCounts r = reports.counts(institutionCode, period.from().atStartOfDay(),
                period.to().plusDays(1).atStartOfDay(), period.start(zone), period.end(zone));
        long judgedStudies = c.onTimeStudies() + c.lateStudies();
        QualityReport.TimelinessMetric timeliness = new QualityReport.TimelinessMetric(
                QualityReport.Metric.of(c.onTimeStudies(), judgedStudies, null).percent(), c.onTimeStudies(),
                c.lateStudies(), c.unknownTimeStudies(), c.clockSkewStudies(), lateAfter.toMinutes());
        QualityReport.Continuity continuity = new QualityReport.Continuity(
                c.longestGap() == null ? null
                        : QualityReport.roundToTenth(c.longestGap().toSeconds() / SECONDS_PER_HOUR),
                c.longestGapStart(), c.longestGap() == null ? null : c.longestGapStart().plus(c.longestGap()),
                CONTINUITY_LIMIT.toHours(), c.longestGap() != null && c.longestGap().compareTo(CONTINUITY_LIMIT) > 0);
        return Optional.of(new QualityReport(institutionCode, member.get().institutionName(), period.from(),
                period.to(), zone.getId(), c.studies(), c.instances(), timeliness,
                QualityReport.Metric.of(c.presentFields(), c.requiredFields(), COMPLETENESS_TARGET_PERCENT),
                QualityReport.Metric.of(c.validInstances(), c.judgedInstances(), ACCURACY_TARGET_PERCENT),
                continuity,
                QualityReport.Metric.of(c.losslessInstances(), c.judgedInstances(), LOSSLESS_TARGET_PERCENT),
                QualityReport.Consistency.of(r.reports(), r.reportsWithImages(), r.studies(), r.studiesWithReport()),
                turnaround(r.turnaround()), r.daily().stream().map(d -> new QualityReport.DailyReports(d.day(),
                        d.deptCode(), d.deptName(), d.exams())).toList()));
    }

    private static List<QualityReport.TurnaroundMetric> turnaround(List<ReportCounts.Turnaround> rows) {
        Map<ReportTurnaround, List<Duration>> byClass = new EnumMap<>(ReportTurnaround.class);
        for (ReportCounts.Turnaround t : rows) {
            byClass.computeIfAbsent(ReportTurnaround.of(t.modality(), t.orderPriority()), k -> new ArrayList<>())
                    .add(Duration.between(t.performedAt(), t.authenticatedAt()));
        }
        List<QualityReport.TurnaroundMetric> metrics = new ArrayList<>();
        for (ReportTurnaround c : ReportTurnaround.values()) {
            List<Duration> times = byClass.getOrDefault(c, List.of()).stream().sorted().toList();
            long within = times.stream().filter(d -> d.compareTo(c.limit()) < 0).count();
            Double median = times.isEmpty() ? null
                    : QualityReport.roundToTenth(times.get(times.size() / 2).toSeconds() / SECONDS_PER_MINUTE);
            metrics.add(new QualityReport.TurnaroundMetric(c.name(), c.label(), c.limit().toMinutes() / MINUTES,
                    times.size(), within, QualityReport.Metric.of(within, times.size(), null).percent(), median));
        }
        return metrics;
    }
}
