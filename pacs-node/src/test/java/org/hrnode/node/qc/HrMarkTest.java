package org.hrnode.node.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.hrnode.node.http.QcStudyResource;
import org.hrnode.node.testing.SettableClock;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.qc.ClaimedJob;
import org.hrnode.storage.qc.QcJobQueue;
import org.hrnode.storage.qc.QcDecisions;
import org.hrnode.storage.qc.QcResultRecord;
import org.hrnode.storage.qc.QcResults;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "川渝 HR" mark read from stored results: it lapses after the recognition window's last day (in Beijing time)
 * without the study being judged again, and the mark DICOMweb asks for is cached only as long as it may be.
 */
class HrMarkTest {

    private static final String STUDY = "1.2.156.77.5";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EXAM = LocalDate.of(2025, 3, 10);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 4, 10);
    /** 23:30 in Beijing on the last day; half an hour later the window has passed. */
    private static final Instant LAST_EVENING = Instant.parse("2025-04-10T15:30:00Z");

    private final SettableClock clock = new SettableClock(LAST_EVENING);
    private final AtomicLong nanos = new AtomicLong();
    private QcResults results;

    @BeforeEach
    void storeAnEligibleResult() {
        TestDatabase.reset();
        new PostgresIndex(TestDatabase.dataSource()).recordInstance(TestInstances.record(
                TestInstances.header("P1", null, STUDY, STUDY + ".1", STUDY + ".1.1"), TestInstances.sha('a')));
        Transactor transactor = new Transactor(TestDatabase.dataSource());
        QcJobQueue queue = new QcJobQueue(transactor);
        ClaimedJob job = queue.claim("test", Duration.ZERO, Duration.ofMinutes(1), 1, 5).getFirst();
        assertThat(queue.complete(job, new QcResultRecord(job.generation(), "[{\"no\":1}]", "test", 95, "A", true,
                EXAM, LAST_DAY, "[]", "[]", "[]", "[]", "test-1", null))).isTrue();
        results = new QcResults(transactor);
    }

    private static void sql(String statement) {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @Test
    void theMarkLastsUntilTheWindowsLastDayInBeijingAndTheApiSaysWhyItLapsed() {
        QcStudyMarks marks = new QcStudyMarks(results, Duration.ofSeconds(30), clock, BEIJING, nanos::get);
        QcStudyResource api = new QcStudyResource(results, new QcDecisions(new Transactor(TestDatabase.dataSource())), QcWorker.MAX_ATTEMPTS, clock,
                BEIJING);
        assertThat(marks.hasHrMark(STUDY)).isTrue();
        QcStudyResource.StudyQc before = (QcStudyResource.StudyQc) api.study(STUDY).getEntity();
        assertThat(before.hrEligible()).isTrue();
        assertThat(before.hrEligibleUntil()).isEqualTo(LAST_DAY);
        assertThat(before.reasons()).isEmpty();

        clock.set(LAST_EVENING.plus(Duration.ofMinutes(31)));
        assertThat(marks.hasHrMark(STUDY)).as("a new day is not answered from the cache").isFalse();
        QcStudyResource.StudyQc after = (QcStudyResource.StudyQc) api.study(STUDY).getEntity();
        assertThat(after.hrEligible()).isFalse();
        assertThat(after.reasons()).hasSize(1);
        assertThat(after.reasons().get(0).path("code").asText()).isEqualTo("OUTSIDE_RECOGNITION_WINDOW");
        assertThat(after.reasons().get(0).path("xinjiangCode").asInt()).isEqualTo(1);
        assertThat(after.grade()).isEqualTo("甲");
    }

    @Test
    void aCachedMarkIsDroppedWhenANewResultIsStoredHereOrWhenItIsOld() {
        QcStudyMarks marks = new QcStudyMarks(results, Duration.ofSeconds(30), clock, BEIJING, nanos::get);
        assertThat(marks.hasHrMark(STUDY)).isTrue();
        sql("UPDATE qc_results SET hr_eligible = false");
        assertThat(marks.hasHrMark(STUDY)).as("cached").isTrue();

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(marks.hasHrMark(STUDY)).as("expired: a result another node stored is seen").isFalse();

        sql("UPDATE qc_results SET hr_eligible = true");
        marks.invalidate(STUDY);
        assertThat(marks.hasHrMark(STUDY)).as("invalidated by a result stored here").isTrue();
        assertThat(marks.hasHrMark("1.2.3.not.stored")).isFalse();
    }
}
