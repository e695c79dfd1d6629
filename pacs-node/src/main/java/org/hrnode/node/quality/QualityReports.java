package org.hrnode.node.quality;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.quality.PeriodCounts;
import org.hrnode.storage.quality.PostgresQualityStatistics;

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

    private final AeRegistry aeRegistry;
    private final PostgresQualityStatistics statistics;
    private final ZoneId zone;
    private final Duration lateAfter;

    /**
     * @param zone      the zone in which report periods are days
     * @param lateAfter the lateness limit the instances were judged with, reported alongside
     */
    public QualityReports(AeRegistry aeRegistry, PostgresQualityStatistics statistics, ZoneId zone,
            Duration lateAfter) {
        this.aeRegistry = Objects.requireNonNull(aeRegistry, "aeRegistry");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.lateAfter = Objects.requireNonNull(lateAfter, "lateAfter");
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
                QualityReport.Consistency.NOT_MEASURED));
    }
}
