package org.hrnode.storage.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reviewers' decisions (V11) on real PostgreSQL: the latest one is the effective verdict the HR mark reads, all are
 * kept, the export pairs them with the AI result, and a re-run request makes the study's job due again.
 */
class QcDecisionsTest {

    private static final String STUDY = "1.2.156.9.11";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private QcJobQueue queue;
    private QcResults results;
    private QcDecisions decisions;

    @BeforeEach
    void storeAnEligibleAiResult() {
        TestDatabase.reset();
        new PostgresIndex(TestDatabase.dataSource()).recordInstance(TestInstances.record(
                TestInstances.header("P1", null, STUDY, STUDY + ".1", STUDY + ".1.1"), TestInstances.sha('a')));
        Transactor transactor = new Transactor(TestDatabase.dataSource());
        queue = new QcJobQueue(transactor);
        results = new QcResults(transactor);
        decisions = new QcDecisions(transactor);
        ClaimedJob job = queue.claim("test", Duration.ZERO, Duration.ofMinutes(1), 1, 5).getFirst();
        assertThat(queue.complete(job, new QcResultRecord(job.generation(), "[{\"no\":92}]", "test", 95, "A", true,
                TODAY, TODAY.plusMonths(1), "[]", "[]", "[]", "[{\"id\":\"C1\",\"passed\":true}]", "test-1", null)))
                .isTrue();
    }

    @Test
    void theLatestDecisionIsTheEffectiveVerdictAndAllAreKept() {
        assertThat(results.hrEligibleOn(STUDY, TODAY)).isTrue();
        assertThat(decisions.record(decision("overrule", "C", false, 6))).isPresent();
        assertThat(results.hrEligibleOn(STUDY, TODAY)).as("the reviewer withdrew the mark").isFalse();
        assertThat(decisions.record(decision("overrule", "B", true, null))).isPresent();
        assertThat(results.hrEligibleOn(STUDY, TODAY)).isTrue();
        assertThat(results.hrEligibleOn(STUDY, TODAY.plusMonths(2))).as("the window still ends").isFalse();

        List<QcDecision> history = decisions.history(STUDY);
        assertThat(history).extracting(QcDecision::grade).containsExactly("B", "C");
        assertThat(history.getFirst().aiGrade()).isEqualTo("A");
        assertThat(history.getLast().reasonCode()).isEqualTo(6);
        assertThat(decisions.latest(STUDY).orElseThrow().decidedBy()).isEqualTo("reviewer-1");
    }

    @Test
    void unknownStudiesAndReasonlessRefusalsAreNotStored() {
        assertThat(decisions.record(new QcDecision(0, "1.2.3.404", "r", null, "confirm", "A", true, null, null,
                false, "A", true, 1))).isEmpty();
        assertThatThrownBy(() -> decision("overrule", "C", false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(decisions.history(STUDY)).isEmpty();
    }

    @Test
    void theExportPairsEachStudysLatestDecisionWithTheAiResult() {
        decisions.record(decision("confirm", "A", true, null));
        decisions.record(decision("overrule", "D", false, 6));
        List<QcDecisions.Labelled> rows = new ArrayList<>();
        decisions.labelled(rows::add);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().decision().grade()).isEqualTo("D");
        assertThat(rows.getFirst().checksJson()).contains("C1");
        assertThat(rows.getFirst().modelVersion()).isEqualTo("test-1");
    }

    @Test
    void aRerunMakesTheJobDueAgain() {
        assertThat(queue.backlog(5)).isZero();
        assertThat(queue.requeue(STUDY)).contains(2L);
        assertThat(queue.backlog(5)).isEqualTo(1);
        assertThat(queue.claim("test", Duration.ZERO, Duration.ofMinutes(1), 1, 5)).singleElement()
                .extracting(ClaimedJob::generation).isEqualTo(2L);
        assertThat(queue.requeue("1.2.3.404")).isEmpty();
    }

    private static QcDecision decision(String action, String grade, boolean eligible, Integer reason) {
        return new QcDecision(0, STUDY, "reviewer-1", null, action, grade, eligible, reason, "note", false, "A", true,
                1);
    }
}
