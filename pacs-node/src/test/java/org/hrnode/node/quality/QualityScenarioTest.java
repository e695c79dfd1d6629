package org.hrnode.node.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.testing.SettableClock;
import org.hrnode.storage.ae.ApplicationEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted day-by-day scenario for three institutions, ingested through the one ingest path with arrival times
 * set by a test clock, whose expected metrics are worked out by hand below. All local times are Beijing time
 * (Asia/Shanghai, UTC+8); the report period is 2025-03-01..2025-03-03.
 *
 * <pre>
 * Institution A (CT, 16 required fields each):
 *   A1  2 instances, AcquisitionDateTime 03-01 09:00, arrive 09:30 and 09:50  ON_TIME  16+16 fields, lossless, clean
 *   A2  1 instance,  AcquisitionDateTime 03-01 10:00, arrives 12:00          LATE     15 (no KVP), native, sex "X"
 *   A3  1 instance,  no date/time at all,              arrives 03-02 15:00    UNKNOWN  14 (no StudyDate/Time), lossless
 *   A4  1 instance,  arrives 03-04 00:30 Beijing (03-03 16:30 UTC): outside the period
 * Institution B (DX, 14 required fields each):
 *   B1  AcquisitionDate+Time 03-02 08:00 with offset +0800, arrives 08:40   ON_TIME  14, lossless, valid ID card
 *   B2  ContentDate+Time 03-02 20:00, arrives 19:00 (an hour "early")       CLOCK_SKEW 13 (no referrer), native,
 *       ID card with a wrong check character
 * Institution C: registered, uploads nothing.
 * </pre>
 */
class QualityScenarioTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3));
    private static final String A = "510000-A";
    private static final String B = "500000-B";
    private static final String C = "510000-C";

    @TempDir
    static Path dir;
    private static NodeStorage storage;
    private static QualityReports reports;
    private static StudyStatuses statuses;

    @BeforeAll
    static void ingestTheScenario() throws Exception {
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString()));
        storage = NodeStorage.openAsOwner(config);
        storage.aeRegistry().put(new ApplicationEntity("A_CT", "127.0.0.1", 104, A, "四川省人民医院", "三级甲等", true));
        storage.aeRegistry().put(new ApplicationEntity("B_DR", "127.0.0.1", 104, B, "重庆医科大学附属第一医院", null,
                true));
        storage.aeRegistry().put(new ApplicationEntity("C_MR", "127.0.0.1", 104, C, "成都市第三人民医院", null, true));
        SettableClock clock = new SettableClock(Instant.EPOCH);
        IngestService ingest = new IngestService(storage.blobs(), storage.storeAndIndex(), storage.aeRegistry(),
                ReadOptions.defaults(), clock, new QualityJudge(BEIJING, Duration.ofHours(1)));

        clock.set(beijing(2025, 3, 1, 9, 30));
        CraftedObject.ct("1.2.1", "1.2.1.1.1").set(Tag.AcquisitionDateTime, "20250301090000")
                .geometry(512, 512, 16).inTransferSyntax(CraftedObject.JPEG_LOSSLESS_SV1).ingestInto(ingest, "A_CT");
        clock.set(beijing(2025, 3, 1, 9, 50));
        CraftedObject.ct("1.2.1", "1.2.1.1.2").set(Tag.AcquisitionDateTime, "20250301090000")
                .inTransferSyntax(CraftedObject.JPEG_LOSSLESS_SV1).ingestInto(ingest, "A_CT");
        clock.set(beijing(2025, 3, 1, 12, 0));
        CraftedObject.ct("1.2.2", "1.2.2.1.1").set(Tag.AcquisitionDateTime, "20250301100000").without(Tag.KVP)
                .set(Tag.PatientSex, "X").ingestInto(ingest, "A_CT");
        clock.set(beijing(2025, 3, 2, 15, 0));
        CraftedObject.ct("1.2.3", "1.2.3.1.1").without(Tag.StudyDate).without(Tag.StudyTime)
                .inTransferSyntax(CraftedObject.JPEG_LS_LOSSLESS).ingestInto(ingest, "A_CT");
        clock.set(beijing(2025, 3, 4, 0, 30));
        CraftedObject.ct("1.2.4", "1.2.4.1.1").ingestInto(ingest, "A_CT");

        clock.set(beijing(2025, 3, 2, 8, 40));
        CraftedObject.dx("2.2.1", "2.2.1.1.1").set(Tag.StudyDate, "20250302").set(Tag.AcquisitionDate, "20250302")
                .set(Tag.AcquisitionTime, "080000").set(Tag.TimezoneOffsetFromUTC, "+0800")
                .set(Tag.PatientID, AccuracyAndCompletenessTest.VALID_ID_CARD)
                .inTransferSyntax(CraftedObject.JPEG_2000_LOSSLESS).ingestInto(ingest, "B_DR");
        clock.set(beijing(2025, 3, 2, 19, 0));
        CraftedObject.dx("2.2.2", "2.2.2.1.1").set(Tag.StudyDate, "20250302").set(Tag.ContentDate, "20250302")
                .set(Tag.ContentTime, "200000").set(Tag.PatientID, "110105194912310021")
                .without(Tag.ReferringPhysicianName).ingestInto(ingest, "B_DR");

        reports = new QualityReports(storage.aeRegistry(), storage.qualityStatistics(), BEIJING,
                Duration.ofHours(1), storage.reports());
        statuses = new StudyStatuses(storage.qualityStatistics());
    }

    @AfterAll
    static void close() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    private static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant();
    }

    @Test
    void institutionAHasOneLateAndOneUnknownStudyAndALongGap() {
        QualityReport r = reports.forInstitution(A, PERIOD).orElseThrow();

        assertThat(r.institutionName()).isEqualTo("四川省人民医院");
        // A4 arrived on 03-04 Beijing time: not counted although it is still 03-03 in UTC
        assertThat(r.instances()).isEqualTo(4);
        assertThat(r.studies()).isEqualTo(3);
        // judged studies: A1 on time, A2 late (A3 unknown is not judged) -> 1 / 2 = 50.0 %
        assertThat(r.timeliness()).isEqualTo(new QualityReport.TimelinessMetric(50.0, 1, 1, 1, 0, 60));
        // fields present: 16 + 16 + 15 + 14 = 61 of 4 x 16 = 64 -> 95.3125 -> 95.3 %, meets >= 95
        assertThat(r.completeness()).isEqualTo(new QualityReport.Metric(95.3, 61, 64, 95.0, true));
        // instances without defects: A1 x 2 and A3 -> 3 of 4 = 75.0 %, below 90
        assertThat(r.accuracy()).isEqualTo(new QualityReport.Metric(75.0, 3, 4, 90.0, false));
        // lossless on arrival: A1 x 2 (JPEG lossless) and A3 (JPEG-LS lossless) -> 3 of 4 = 75.0 %
        assertThat(r.lossless()).isEqualTo(new QualityReport.Metric(75.0, 3, 4, 100.0, false));
        // gaps: 09:30 -> 09:50 (20 min), 09:50 -> 12:00 (2 h 10), 03-01 12:00 -> 03-02 15:00 (27 h) > 24 h
        assertThat(r.continuity()).isEqualTo(new QualityReport.Continuity(27.0, beijing(2025, 3, 1, 12, 0),
                beijing(2025, 3, 2, 15, 0), 24, true));
        // studies arrived, no report yet: consistency 0 %, below its 100 % target
        assertThat(r.consistency().studies()).isEqualTo(3);
        assertThat(r.consistency().studiesWithReport()).isZero();
        assertThat(r.consistency().percent()).isEqualTo(0.0);
        assertThat(r.consistency().meetsTarget()).isFalse();
    }

    @Test
    void institutionBHasAClockSkewedStudyAndAWrongIdCard() {
        QualityReport r = reports.forInstitution(B, PERIOD).orElseThrow();

        assertThat(r.instances()).isEqualTo(2);
        assertThat(r.studies()).isEqualTo(2);
        // B1 on time; B2 clock skew is not judged -> 1 / 1 = 100.0 %
        assertThat(r.timeliness()).isEqualTo(new QualityReport.TimelinessMetric(100.0, 1, 0, 0, 1, 60));
        // 14 + 13 = 27 of 28 -> 96.43 -> 96.4 %
        assertThat(r.completeness()).isEqualTo(new QualityReport.Metric(96.4, 27, 28, 95.0, true));
        // B2 has ACQUISITION_AFTER_ARRIVAL and ID_CARD_CHECKSUM -> 1 of 2 = 50.0 %
        assertThat(r.accuracy()).isEqualTo(new QualityReport.Metric(50.0, 1, 2, 90.0, false));
        assertThat(r.lossless()).isEqualTo(new QualityReport.Metric(50.0, 1, 2, 100.0, false));
        // one gap, 08:40 -> 19:00 = 10 h 20 min = 10.33 h -> 10.3 h, within 24 h
        assertThat(r.continuity().longestGapHours()).isEqualTo(10.3);
        assertThat(r.continuity().flagged()).isFalse();
    }

    @Test
    void anInstitutionWithoutUploadsHasNothingMeasured() {
        QualityReport r = reports.forInstitution(C, PERIOD).orElseThrow();

        assertThat(r.studies()).isZero();
        assertThat(r.timeliness().percent()).isNull();
        assertThat(r.completeness()).isEqualTo(new QualityReport.Metric(null, 0, 0, 95.0, null));
        assertThat(r.continuity()).isEqualTo(new QualityReport.Continuity(null, null, null, 24, false));
    }

    @Test
    void anUnregisteredInstitutionHasNoReport() {
        assertThat(reports.forInstitution("999999-X", PERIOD)).isEmpty();
    }

    @Test
    void theStudyStatusRollsUpItsInstances() {
        StudyStatus a1 = statuses.of("1.2.1").orElseThrow();

        assertThat(a1.instanceCount()).isEqualTo(2);
        assertThat(a1.institutionCode()).isEqualTo(A);
        assertThat(a1.transferSyntaxes()).containsExactly(CraftedObject.JPEG_LOSSLESS_SV1);
        assertThat(a1.firstArrival()).isEqualTo(beijing(2025, 3, 1, 9, 30));
        assertThat(a1.lastArrival()).isEqualTo(beijing(2025, 3, 1, 9, 50));
        // 09:00 -> 09:50 = 3000 s, the worst of 1800 and 3000
        assertThat(a1.worstLatenessSeconds()).isEqualTo(3000);
        assertThat(a1.timeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(a1.defects()).isEmpty();
        assertThat(a1.series()).singleElement().satisfies(s -> assertThat(s.instanceCount()).isEqualTo(2));
        assertThat(a1.instances()).extracting(StudyStatus.InstanceStatus::acquisitionSource)
                .containsOnly("AcquisitionDateTime");
        // 1.2.1.1.1 decodes to 512 x 512 x 16 bits = 524288 bytes; the other instance states no geometry
        StudyStatus.InstanceStatus withGeometry = a1.instances().getFirst();
        double expectedRatio = Math.round(100.0 * 524288 / withGeometry.sizeBytes()) / 100.0;
        assertThat(withGeometry.compressionRatio()).isEqualTo(expectedRatio);
        assertThat(a1.instances().get(1).compressionRatio()).isNull();
        assertThat(a1.compressionRatio()).isEqualTo(expectedRatio);

        StudyStatus a2 = statuses.of("1.2.2").orElseThrow();
        assertThat(a2.compressionRatio()).as("native: nothing compressed").isNull();
        assertThat(a2.timeliness()).isEqualTo(Timeliness.LATE);
        assertThat(a2.worstLatenessSeconds()).isEqualTo(7200);
        assertThat(a2.defects()).containsExactlyInAnyOrder("PATIENT_SEX_CODE", "MISSING:KVP");

        StudyStatus b1 = statuses.of("2.2.1").orElseThrow();
        assertThat(b1.instances()).singleElement().satisfies(i -> {
            assertThat(i.acquisitionSource()).isEqualTo("AcquisitionDate+AcquisitionTime");
            assertThat(i.arrivedLossless()).isTrue();
        });
        assertThat(statuses.of("2.2.2").orElseThrow().timeliness()).isEqualTo(Timeliness.CLOCK_SKEW);
        assertThat(statuses.of("9.9.9")).isEmpty();
    }
}
