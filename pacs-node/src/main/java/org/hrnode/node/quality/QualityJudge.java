package org.hrnode.node.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.index.QualityFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges an arriving object for the data-quality metrics at ingest: its acquisition time and timeliness, the
 * required fields it lacks and its accuracy defects, and whether it came lossless-compressed. Pure and thread-safe;
 * the result is recorded beside the instance and never decides whether the object is accepted.
 */
public final class QualityJudge {

    /** The programme's hospitals keep Beijing time. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** QCspec §7.1.1: upload within one hour of the examination. */
    public static final Duration DEFAULT_LATE_AFTER = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(QualityJudge.class);

    private final AcquisitionTimes acquisitionTimes;
    private final TimelinessPolicy timeliness;
    private final AccuracyChecks accuracy;

    public QualityJudge(ZoneId zone, Duration lateAfter) {
        this.acquisitionTimes = new AcquisitionTimes(zone);
        this.timeliness = new TimelinessPolicy(lateAfter);
        this.accuracy = new AccuracyChecks(zone);
    }

    /** The judge with the programme's defaults. */
    public static QualityJudge defaults() {
        return new QualityJudge(DEFAULT_ZONE, DEFAULT_LATE_AFTER);
    }

    /**
     * The facts about {@code header}, fully received at {@code arrival} in {@code transferSyntaxUid}. Never throws:
     * judging is no reason to refuse an object, so a header the checks cannot read is recorded as
     * {@link Defect#NOT_JUDGEABLE} with unknown timeliness.
     */
    public QualityFacts judge(Dataset header, Instant arrival, String transferSyntaxUid) {
        try {
            return judgeReadable(header, arrival, transferSyntaxUid);
        } catch (RuntimeException e) {
            // the exception's class only: its message may quote header values, which may identify the patient
            LOG.warn("event=quality_not_judgeable exception={}", e.getClass().getName());
            return new QualityFacts(null, null, Timeliness.UNKNOWN.name(), null, 0, List.of(),
                    List.of(Defect.NOT_JUDGEABLE.name()), isLosslessCompressed(transferSyntaxUid));
        }
    }

    private QualityFacts judgeReadable(Dataset header, Instant arrival, String transferSyntaxUid) {
        Optional<AcquisitionMoment> acquired = acquisitionTimes.of(header);
        TimelinessPolicy.Assessment assessment = timeliness.assess(acquired, arrival);
        return new QualityFacts(acquired.map(AcquisitionMoment::at).orElse(null),
                acquired.map(AcquisitionMoment::source).orElse(null), assessment.verdict().name(),
                assessment.latenessSeconds(), RequiredFields.countFor(header), RequiredFields.missingIn(header),
                accuracy.check(header, arrival, acquired).stream().map(Defect::name).toList(),
                isLosslessCompressed(transferSyntaxUid));
    }

    /** Whether objects in this syntax are encapsulated with lossless compression (QCspec §7.1: DICOM 无损压缩). */
    public static boolean isLosslessCompressed(String transferSyntaxUid) {
        TransferSyntax ts = transferSyntaxUid == null ? null : TransferSyntax.of(transferSyntaxUid);
        return ts != null && ts.isEncapsulated() && ts.compression() == TransferSyntax.Compression.LOSSLESS;
    }
}
