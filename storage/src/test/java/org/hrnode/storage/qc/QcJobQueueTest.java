package org.hrnode.storage.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QcJobQueueTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 3;
    private static final String STUDY = "1.2.156.9.1";

    private PostgresIndex index;
    private QcJobQueue queue;
    private QcResults results;
    private int instances;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
        queue = new QcJobQueue(new Transactor(TestDatabase.dataSource()));
        results = new QcResults(new Transactor(TestDatabase.dataSource()));
    }

    private void store(String studyUid) {
        instances++;
        String sop = "1.2.156.9.9." + instances;
        index.recordInstance(TestInstances.record(TestInstances.header("P1", null, studyUid, studyUid + ".1", sop),
                TestInstances.sha((char) ('a' + instances % 6))));
    }

    private List<ClaimedJob> claim(String worker) {
        return queue.claim(worker, NO_WAIT, LEASE, 10, MAX_ATTEMPTS);
    }

    private static final LocalDate EXAM = LocalDate.of(2025, 3, 10);
    private static final LocalDate WINDOW_END = LocalDate.of(2025, 4, 10);

    private static QcResultRecord result(ClaimedJob job, boolean eligible) {
        return new QcResultRecord(job.generation(), "[]", "test", 90, "A", eligible, EXAM, WINDOW_END, "[]", "[]",
                "[]", "[]", "test-1", null);
    }

    private boolean eligible(String study) {
        return results.hrEligibleOn(study, EXAM.plusDays(1));
    }

    private static void sql(String statement) {
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(statement)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @Test
    void aStudyHasOneJobCountingItsInstancesAndDuplicatesDoNotCount() {
        store(STUDY);
        store(STUDY);
        index.recordInstance(TestInstances.record(TestInstances.header("P1", null, STUDY, STUDY + ".1",
                "1.2.156.9.9.2"), TestInstances.sha((char) ('a' + 2))));

        List<ClaimedJob> jobs = claim("w1");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.getFirst().studyInstanceUid()).isEqualTo(STUDY);
        assertThat(jobs.getFirst().generation()).isEqualTo(2);
        assertThat(claim("w2")).as("a claimed job is not claimed again").isEmpty();
    }

    @Test
    void aJobIsDueOnlyOnceNoInstanceArrivedForTheStablePeriod() {
        store(STUDY);
        Duration stable = Duration.ofSeconds(60);
        assertThat(queue.claim("w1", stable, LEASE, 10, MAX_ATTEMPTS)).isEmpty();
        assertThat(queue.untilNextDue(stable, MAX_ATTEMPTS)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(55), stable));

        sql("UPDATE qc_jobs SET last_instance_at = now() - interval '61 seconds'");
        assertThat(queue.untilNextDue(stable, MAX_ATTEMPTS)).hasValue(Duration.ZERO);
        assertThat(queue.claim("w1", stable, LEASE, 10, MAX_ATTEMPTS)).hasSize(1);
    }

    @Test
    void anInstanceArrivingDuringARunQueuesAnotherRun() {
        store(STUDY);
        ClaimedJob first = claim("w1").getFirst();
        store(STUDY);
        assertThat(queue.complete(first, result(first, false))).isTrue();

        QcStatus status = results.statusOf(STUDY).orElseThrow();
        assertThat(status.result().generation()).isEqualTo(1);
        assertThat(status.pending()).isTrue();
        ClaimedJob second = claim("w1").getFirst();
        assertThat(second.generation()).isEqualTo(2);
        assertThat(queue.complete(second, result(second, true))).isTrue();

        status = results.statusOf(STUDY).orElseThrow();
        assertThat(status.pending()).isFalse();
        assertThat(status.result().generation()).isEqualTo(2);
        assertThat(eligible(STUDY)).isTrue();
        assertThat(results.hrEligibleOn(STUDY, WINDOW_END)).as("on the window's last day").isTrue();
        assertThat(results.hrEligibleOn(STUDY, WINDOW_END.plusDays(1))).as("the mark lapses after it").isFalse();
        assertThat(status.result().hrWindowEnd()).isEqualTo(WINDOW_END);
        assertThat(status.result().examDate()).isEqualTo(EXAM);
        assertThat(claim("w1")).as("a judged generation is not judged again").isEmpty();
        assertThat(queue.untilNextDue(NO_WAIT, MAX_ATTEMPTS)).isEmpty();
    }

    @Test
    void concurrentWorkersNeverClaimTheSameGeneration() throws Exception {
        int studies = 40;
        for (int i = 0; i < studies; i++) {
            store(STUDY + "." + i);
        }
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int w = 0; w < 6; w++) {
                String name = "w" + w;
                workers.add(pool.submit(() -> {
                    start.await();
                    List<ClaimedJob> jobs;
                    while (!(jobs = queue.claim(name, NO_WAIT, LEASE, 3, MAX_ATTEMPTS)).isEmpty()) {
                        for (ClaimedJob job : jobs) {
                            claimed.add(job.studyInstanceUid() + "@" + job.generation());
                            assertThat(queue.complete(job, result(job, true))).isTrue();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : workers) {
                f.get();
            }
        }
        assertThat(claimed).hasSize(studies);
        assertThat(new HashSet<>(claimed)).hasSize(studies);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFormerHolderCanNoLongerComplete() {
        store(STUDY);
        ClaimedJob crashed = claim("node-a").getFirst();
        assertThat(claim("node-b")).isEmpty();

        sql("UPDATE qc_jobs SET lease_until = now() - interval '1 second'");
        ClaimedJob takeover = claim("node-b").getFirst();
        assertThat(takeover.generation()).isEqualTo(crashed.generation());
        assertThat(takeover.claimId()).isNotEqualTo(crashed.claimId());

        assertThat(queue.renew(crashed, LEASE)).as("a lost lease cannot be renewed").isFalse();
        assertThat(queue.renew(takeover, LEASE)).isTrue();
        assertThat(queue.complete(crashed, result(crashed, true))).isFalse();
        assertThat(queue.fail(crashed, "late", Duration.ZERO)).isFalse();
        assertThat(results.statusOf(STUDY).orElseThrow().result()).as("the fenced result was not stored").isNull();
        assertThat(queue.complete(takeover, result(takeover, false))).isTrue();
        assertThat(eligible(STUDY)).isFalse();
    }

    @Test
    void aReleasedJobIsClaimableAtOnceByAnotherQueueOverTheSameDatabase() {
        store(STUDY);
        ClaimedJob held = claim("stopping").getFirst();
        queue.release(held);

        QcJobQueue afterRestart = new QcJobQueue(new Transactor(TestDatabase.dataSource()));
        assertThat(afterRestart.backlog(MAX_ATTEMPTS)).isEqualTo(1);
        assertThat(afterRestart.claim("restarted", NO_WAIT, LEASE, 10, MAX_ATTEMPTS))
                .extracting(ClaimedJob::studyInstanceUid).containsExactly(STUDY);
    }

    @Test
    void failuresBackOffAreCountedAndANewInstanceResetsThem() {
        store(STUDY);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ClaimedJob job = claim("w1").getFirst();
            assertThat(job.attempts()).isEqualTo(attempt - 1);
            assertThat(queue.fail(job, "engine broke " + attempt, Duration.ofMinutes(1))).isTrue();
            assertThat(claim("w1")).as("waits for its retry time").isEmpty();
            sql("UPDATE qc_jobs SET retry_at = now() - interval '1 second'");
        }
        assertThat(claim("w1")).as("given up after the last attempt").isEmpty();
        QcStatus status = results.statusOf(STUDY).orElseThrow();
        assertThat(status.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(status.lastError()).isEqualTo("engine broke 3");
        assertThat(queue.backlog(MAX_ATTEMPTS)).isZero();

        store(STUDY);
        assertThat(claim("w1")).singleElement().satisfies(job -> assertThat(job.attempts()).isZero());
    }

    @Test
    void anOlderGenerationNeverOverwritesANewerResult() {
        store(STUDY);
        ClaimedJob old = claim("a").getFirst();
        sql("UPDATE qc_jobs SET lease_until = now() - interval '1 second'");
        store(STUDY);
        ClaimedJob newer = claim("b").getFirst();
        assertThat(queue.complete(newer, result(newer, true))).isTrue();
        assertThat(results.statusOf(STUDY).orElseThrow().result().generation()).isEqualTo(2);
        assertThat(results.statusOf("1.2.3.unknown")).isEmpty();
        assertThat(old.generation()).isEqualTo(1);
    }

    @Test
    void theRecognitionRegistryIsReplacedPerInstitution() {
        InstitutionRecognitions registry = new InstitutionRecognitions(new Transactor(TestDatabase.dataSource()));
        RecognitionEntry chest = new RecognitionEntry(1, java.time.LocalDate.of(2025, 1, 1), null);
        RecognitionEntry knee = new RecognitionEntry(30, java.time.LocalDate.of(2025, 1, 1),
                java.time.LocalDate.of(2025, 12, 31));
        registry.replace("510000-A", List.of(knee, chest));
        registry.replace("500000-B", List.of(chest));
        assertThat(registry.of("510000-A")).containsExactly(chest, knee);
        registry.replace("510000-A", List.of(knee));
        assertThat(registry.of("510000-A")).containsExactly(knee);
        assertThat(registry.institutions()).containsExactly("500000-B", "510000-A");
        assertThat(registry.remove("500000-B")).isTrue();
        assertThat(registry.remove("500000-B")).isFalse();
        assertThat(registry.of("500000-B")).isEmpty();
        Set<String> left = new HashSet<>(registry.institutions());
        assertThat(left).containsExactly("510000-A");
    }
}
