package org.hrnode.node.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every branch of finding the acquisition time and judging the upload: each source attribute in order of
 * preference, the object's own offset against the configured zone, on time, late, unknown and clock skew.
 */
class TimelinessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AcquisitionTimes TIMES = new AcquisitionTimes(SHANGHAI);
    private static final TimelinessPolicy ONE_HOUR = new TimelinessPolicy(Duration.ofHours(1));
    /** 2025-03-01 10:00 Beijing time is 02:00 UTC. */
    private static final Instant TEN_O_CLOCK_BEIJING = Instant.parse("2025-03-01T02:00:00Z");

    private static Dataset with(Object... tagAndValue) {
        Dataset d = new Dataset();
        for (int i = 0; i < tagAndValue.length; i += 2) {
            int tag = (Integer) tagAndValue[i];
            d.setString(tag, Dataset.dictionaryVR(tag), (String) tagAndValue[i + 1]);
        }
        return d;
    }

    @Test
    void acquisitionDateTimeWinsOverEveryOtherSource() {
        Dataset d = with(Tag.AcquisitionDateTime, "20250301100000", Tag.AcquisitionDate, "20250301",
                Tag.AcquisitionTime, "090000", Tag.StudyDate, "20250301", Tag.StudyTime, "080000");

        AcquisitionMoment m = TIMES.of(d).orElseThrow();

        assertThat(m.source()).isEqualTo("AcquisitionDateTime");
        assertThat(m.at()).isEqualTo(TEN_O_CLOCK_BEIJING);
    }

    @Test
    void acquisitionDateAndTimeAreNextThenContentThenSeriesThenStudy() {
        assertThat(TIMES.of(with(Tag.AcquisitionDate, "20250301", Tag.AcquisitionTime, "100000",
                Tag.ContentDate, "20250301", Tag.ContentTime, "110000")).orElseThrow())
                .isEqualTo(new AcquisitionMoment(TEN_O_CLOCK_BEIJING, "AcquisitionDate+AcquisitionTime"));
        assertThat(TIMES.of(with(Tag.ContentDate, "20250301", Tag.ContentTime, "100000",
                Tag.SeriesDate, "20250301", Tag.SeriesTime, "110000")).orElseThrow())
                .isEqualTo(new AcquisitionMoment(TEN_O_CLOCK_BEIJING, "ContentDate+ContentTime"));
        assertThat(TIMES.of(with(Tag.SeriesDate, "20250301", Tag.SeriesTime, "100000",
                Tag.StudyDate, "20250301", Tag.StudyTime, "110000")).orElseThrow())
                .isEqualTo(new AcquisitionMoment(TEN_O_CLOCK_BEIJING, "SeriesDate+SeriesTime"));
        assertThat(TIMES.of(with(Tag.StudyDate, "20250301", Tag.StudyTime, "100000")).orElseThrow())
                .isEqualTo(new AcquisitionMoment(TEN_O_CLOCK_BEIJING, "StudyDate+StudyTime"));
    }

    @Test
    void aDateWithoutItsTimeIsSkippedForTheNextSource() {
        Dataset d = with(Tag.AcquisitionDate, "20250301", Tag.StudyDate, "20250301", Tag.StudyTime, "100000");

        assertThat(TIMES.of(d).orElseThrow().source()).isEqualTo("StudyDate+StudyTime");
    }

    @Test
    void timezoneOffsetFromUtcOverridesTheConfiguredZone() {
        // 10:00 at UTC+05:00 is 05:00 UTC; at the configured Beijing time it would have been 02:00 UTC
        Dataset d = with(Tag.AcquisitionDate, "20250301", Tag.AcquisitionTime, "100000",
                Tag.TimezoneOffsetFromUTC, "+0500");

        assertThat(TIMES.of(d).orElseThrow().at()).isEqualTo(Instant.parse("2025-03-01T05:00:00Z"));
    }

    @Test
    void withoutAnOffsetTheConfiguredZoneApplies() {
        Dataset d = with(Tag.AcquisitionDate, "20250301", Tag.AcquisitionTime, "100000");

        assertThat(new AcquisitionTimes(ZoneId.of("UTC")).of(d).orElseThrow().at())
                .isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(TIMES.of(d).orElseThrow().at()).isEqualTo(TEN_O_CLOCK_BEIJING);
    }

    @Test
    void anOffsetInsideTheDateTimeValueIsItsOwn() {
        Dataset d = with(Tag.AcquisitionDateTime, "20250301100000-0100");

        assertThat(TIMES.of(d).orElseThrow().at()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
    }

    @Test
    void uploadWithinTheHourIsOnTime() {
        Instant arrival = TEN_O_CLOCK_BEIJING.plus(Duration.ofMinutes(59));

        TimelinessPolicy.Assessment a = ONE_HOUR.assess(acquiredAtTen(), arrival);

        assertThat(a.verdict()).isEqualTo(Timeliness.ON_TIME);
        assertThat(a.latenessSeconds()).isEqualTo(59 * 60);
    }

    @Test
    void exactlyTheLimitIsStillOnTimeAndOneSecondMoreIsLate() {
        assertThat(ONE_HOUR.assess(acquiredAtTen(), TEN_O_CLOCK_BEIJING.plus(Duration.ofHours(1))).verdict())
                .isEqualTo(Timeliness.ON_TIME);
        TimelinessPolicy.Assessment late = ONE_HOUR.assess(acquiredAtTen(),
                TEN_O_CLOCK_BEIJING.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(late.verdict()).isEqualTo(Timeliness.LATE);
        assertThat(late.latenessSeconds()).isEqualTo(3601);
    }

    @Test
    void theLimitIsConfigurable() {
        TimelinessPolicy twoHours = new TimelinessPolicy(Duration.ofHours(2));

        assertThat(twoHours.assess(acquiredAtTen(), TEN_O_CLOCK_BEIJING.plus(Duration.ofMinutes(90))).verdict())
                .isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void noUsableTimeIsUnknown() {
        Dataset d = with(Tag.StudyDate, "20250301", Tag.AcquisitionTime, "100000");

        Optional<AcquisitionMoment> acquired = TIMES.of(d);
        TimelinessPolicy.Assessment a = ONE_HOUR.assess(acquired, TEN_O_CLOCK_BEIJING);

        assertThat(acquired).isEmpty();
        assertThat(a.verdict()).isEqualTo(Timeliness.UNKNOWN);
        assertThat(a.latenessSeconds()).isNull();
    }

    @Test
    void acquiredMoreThanFiveMinutesInTheFutureIsClockSkewWithinIsOnTime() {
        TimelinessPolicy.Assessment skewed = ONE_HOUR.assess(acquiredAtTen(),
                TEN_O_CLOCK_BEIJING.minus(Duration.ofMinutes(6)));
        TimelinessPolicy.Assessment drift = ONE_HOUR.assess(acquiredAtTen(),
                TEN_O_CLOCK_BEIJING.minus(Duration.ofMinutes(4)));

        assertThat(skewed.verdict()).isEqualTo(Timeliness.CLOCK_SKEW);
        assertThat(skewed.latenessSeconds()).isEqualTo(-6 * 60);
        assertThat(drift.verdict()).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void theJudgeRecordsSourceVerdictAndLatenessTogether() {
        Dataset d = with(Tag.AcquisitionDateTime, "20250301100000", Tag.Modality, "OT");

        var facts = QualityJudge.defaults().judge(d, TEN_O_CLOCK_BEIJING.plus(Duration.ofHours(2)),
                "1.2.840.10008.1.2.4.70");

        assertThat(facts.acquiredAt()).isEqualTo(TEN_O_CLOCK_BEIJING);
        assertThat(facts.acquisitionSource()).isEqualTo("AcquisitionDateTime");
        assertThat(facts.timeliness()).isEqualTo("LATE");
        assertThat(facts.latenessSeconds()).isEqualTo(7200);
        assertThat(facts.arrivedLossless()).isTrue();
    }

    @Test
    void valuesWrittenWithTheWrongVrAreJudgedNotFailedOn() {
        // a sender's Patient's Sex as OB and Study Date as US: read as no sex and a date "7", never an exception
        Dataset d = new Dataset();
        d.setBytes(Tag.PatientSex, org.hrnode.dicom.data.VR.OB, new byte[] {1, 2, 3});
        d.setInts(Tag.StudyDate, org.hrnode.dicom.data.VR.US, 7);

        var facts = QualityJudge.defaults().judge(d, TEN_O_CLOCK_BEIJING, "1.2.840.10008.1.2.1");

        assertThat(facts.timeliness()).isEqualTo("UNKNOWN");
        assertThat(facts.defects()).containsExactly("STUDY_DATE_INVALID");
        assertThat(facts.missingFields()).contains("PatientSex");
        assertThat(facts.arrivedLossless()).isFalse();
    }

    @Test
    void aStudyIsAsLateAsItsWorstInstance() {
        assertThat(Timeliness.worstOf(java.util.Arrays.asList("ON_TIME", "LATE", "UNKNOWN")))
                .isEqualTo(Timeliness.LATE);
        assertThat(Timeliness.worstOf(java.util.Arrays.asList("ON_TIME", null))).isEqualTo(Timeliness.UNKNOWN);
        assertThat(Timeliness.worstOf(java.util.List.of("ON_TIME", "CLOCK_SKEW"))).isEqualTo(Timeliness.CLOCK_SKEW);
        assertThat(Timeliness.worstOf(java.util.List.of("ON_TIME"))).isEqualTo(Timeliness.ON_TIME);
    }

    private static Optional<AcquisitionMoment> acquiredAtTen() {
        return Optional.of(new AcquisitionMoment(TEN_O_CLOCK_BEIJING, "AcquisitionDateTime"));
    }
}
