package org.hrnode.storage.qc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hrnode.storage.db.Transactor;

/**
 * The durable QC job queue ({@code qc_jobs}, V10), shared by every node on one database. The index writes jobs (see
 * {@code InstanceWriter}); workers claim, complete and fail them here.
 *
 * <p>A claim takes due jobs with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers, on one node or several, never
 * take the same job, and marks each with a fresh claim id and a lease. Completing or failing is fenced by the claim
 * id: a worker that overran its lease, whose job was meanwhile claimed again, changes nothing. All times are the
 * database's ({@code now()}), so nodes with skewed clocks agree on when a job is due or a lease has expired.
 */
public final class QcJobQueue {

    /** See the class comment: due = unfinished, stable, not leased, not waiting to retry, attempts left. */
    private static final String CLAIM = """
            WITH due AS (
                SELECT study_fk FROM qc_jobs
                WHERE generation > evaluated_generation
                  AND last_instance_at <= now() - make_interval(secs => ?)
                  AND (lease_until IS NULL OR lease_until < now())
                  AND (retry_at IS NULL OR retry_at <= now())
                  AND attempts < ?
                ORDER BY last_instance_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE qc_jobs j SET claim_id = ? || ':' || j.study_fk, claimed_by = ?, claimed_generation = j.generation,
                lease_until = now() + make_interval(secs => ?)
            FROM due, studies s
            WHERE j.study_fk = due.study_fk AND s.pk = j.study_fk
            RETURNING j.study_fk, s.study_instance_uid, j.generation, j.claim_id, j.attempts""";

    /** Seconds until the first unfinished job can be claimed: stable, lease over, retry time reached. */
    private static final String NEXT_DUE = """
            SELECT EXTRACT(EPOCH FROM (GREATEST(last_instance_at + make_interval(secs => ?),
                   COALESCE(lease_until, '-infinity'), COALESCE(retry_at, '-infinity')) - now()))
            FROM qc_jobs WHERE generation > evaluated_generation AND attempts < ?
            ORDER BY 1 LIMIT 1""";

    /**
     * Taken first by {@link #complete}: the result's foreign key locks the study row (KEY SHARE) anyway, and taking it
     * before the job row keeps the order ingest uses (study, then job), so the two never deadlock.
     */
    private static final String LOCK_STUDY = "SELECT 1 FROM studies WHERE pk = ? FOR KEY SHARE";

    private static final String FINISH = """
            UPDATE qc_jobs SET evaluated_generation = GREATEST(evaluated_generation, claimed_generation),
                claim_id = NULL, claimed_by = NULL, claimed_generation = NULL, lease_until = NULL, attempts = 0,
                retry_at = NULL, last_error = NULL
            WHERE study_fk = ? AND claim_id = ?""";

    private static final String STORE_RESULT = """
            INSERT INTO qc_results AS r (study_fk, generation, items, explanation, score, grade, hr_eligible,
                exam_date, hr_window_end, vetoes, reasons, defects, checks, model_version, evaluated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (study_fk) DO UPDATE SET generation = EXCLUDED.generation, items = EXCLUDED.items,
                explanation = EXCLUDED.explanation, score = EXCLUDED.score, grade = EXCLUDED.grade,
                hr_eligible = EXCLUDED.hr_eligible, exam_date = EXCLUDED.exam_date,
                hr_window_end = EXCLUDED.hr_window_end, vetoes = EXCLUDED.vetoes, reasons = EXCLUDED.reasons,
                defects = EXCLUDED.defects, checks = EXCLUDED.checks, model_version = EXCLUDED.model_version,
                evaluated_at = EXCLUDED.evaluated_at
            WHERE r.generation <= EXCLUDED.generation""";

    private static final String FAIL = """
            UPDATE qc_jobs SET claim_id = NULL, claimed_by = NULL, claimed_generation = NULL, lease_until = NULL,
                attempts = attempts + 1, last_error = ?, retry_at = now() + make_interval(secs => ?)
            WHERE study_fk = ? AND claim_id = ?""";

    private static final String RELEASE = """
            UPDATE qc_jobs SET claim_id = NULL, claimed_by = NULL, claimed_generation = NULL, lease_until = NULL
            WHERE study_fk = ? AND claim_id = ?""";

    private static final String RENEW =
            "UPDATE qc_jobs SET lease_until = now() + make_interval(secs => ?) WHERE study_fk = ? AND claim_id = ?";

    /**
     * A reviewer asks for the study to be judged again: one more generation makes its job due (already stable, so at
     * once), with its attempts reset as a new instance would.
     */
    private static final String REQUEUE = """
            UPDATE qc_jobs j SET generation = j.generation + 1, attempts = 0, retry_at = NULL, last_error = NULL
            FROM studies s WHERE s.pk = j.study_fk AND s.study_instance_uid = ?
            RETURNING j.generation""";

    private static final String BACKLOG =
            "SELECT count(*) FROM qc_jobs WHERE generation > evaluated_generation AND attempts < ?";

    private final Transactor transactor;

    public QcJobQueue(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /**
     * Claims up to {@code max} due jobs for {@code workerName}, oldest first.
     *
     * @param stable      a job is due once no instance of its study arrived for this long
     * @param lease       how long the claim holds; another worker may take the job over after it
     * @param maxAttempts jobs that failed this many times are left alone until a new instance arrives
     */
    public List<ClaimedJob> claim(String workerName, Duration stable, Duration lease, int max, int maxAttempts) {
        if (max < 1) {
            return List.of();
        }
        return transactor.inTransaction("claim QC jobs", connection -> {
            try (PreparedStatement s = connection.prepareStatement(CLAIM)) {
                s.setDouble(1, seconds(stable));
                s.setInt(2, maxAttempts);
                s.setInt(3, max);
                // one random id per claim, made unique per job by the study key
                s.setString(4, UUID.randomUUID().toString());
                s.setString(5, workerName);
                s.setDouble(6, seconds(lease));
                List<ClaimedJob> jobs = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new ClaimedJob(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getInt(5)));
                    }
                }
                return jobs;
            }
        });
    }

    /** How long until the first unfinished job may be claimed (zero when one may be now); empty when none is left. */
    public Optional<Duration> untilNextDue(Duration stable, int maxAttempts) {
        return transactor.inTransaction("find the next due QC job", connection -> {
            try (PreparedStatement s = connection.prepareStatement(NEXT_DUE)) {
                s.setDouble(1, seconds(stable));
                s.setInt(2, maxAttempts);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Duration>empty();
                    }
                    double wait = Math.max(0, rs.getDouble(1));
                    return Optional.of(Duration.ofMillis((long) Math.ceil(wait * 1000)));
                }
            }
        });
    }

    /**
     * Stores the result of a claimed job and marks its generation judged, in one transaction.
     *
     * @return false when the claim was lost (lease expired and taken over): nothing was stored
     */
    public boolean complete(ClaimedJob job, QcResultRecord result) {
        if (result.generation() != job.generation()) {
            throw new IllegalArgumentException("result of generation " + result.generation() + " for a job claimed at "
                    + job.generation());
        }
        return transactor.inTransaction("store the QC result of " + job.studyInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(LOCK_STUDY)) {
                s.setLong(1, job.studyPk());
                s.executeQuery().close();
            }
            if (!finish(connection, FINISH, job)) {
                return false;
            }
            try (PreparedStatement s = connection.prepareStatement(STORE_RESULT)) {
                s.setLong(1, job.studyPk());
                s.setLong(2, result.generation());
                s.setString(3, result.itemsJson());
                s.setString(4, result.explanation());
                s.setDouble(5, result.score());
                s.setString(6, result.grade());
                s.setBoolean(7, result.hrEligible());
                s.setDate(8, date(result.examDate()));
                s.setDate(9, date(result.hrWindowEnd()));
                s.setString(10, result.vetoesJson());
                s.setString(11, result.reasonsJson());
                s.setString(12, result.defectsJson());
                s.setString(13, result.checksJson());
                s.setString(14, result.modelVersion());
                s.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Records a failed run: one more attempt, the error, and no new claim before {@code retryAfter}.
     *
     * @return false when the claim was lost meanwhile
     */
    public boolean fail(ClaimedJob job, String error, Duration retryAfter) {
        return transactor.inTransaction("record a failed QC run of " + job.studyInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(FAIL)) {
                s.setString(1, error);
                s.setDouble(2, seconds(retryAfter));
                s.setLong(3, job.studyPk());
                s.setString(4, job.claimId());
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Extends a claim's lease while its run goes on.
     *
     * @return false when the claim was lost meanwhile
     */
    public boolean renew(ClaimedJob job, Duration lease) {
        return transactor.inTransaction("renew the QC lease of " + job.studyInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(RENEW)) {
                s.setDouble(1, seconds(lease));
                s.setLong(2, job.studyPk());
                s.setString(3, job.claimId());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Gives a claimed job back unjudged (a worker stopping), so any worker may claim it at once. */
    public void release(ClaimedJob job) {
        transactor.inTransaction("release the QC job of " + job.studyInstanceUid(),
                connection -> finish(connection, RELEASE, job));
    }

    /** Jobs with a generation not yet judged and attempts left: the QC backlog. */
    public long backlog(int maxAttempts) {
        return transactor.inTransaction("count QC jobs", connection -> {
            try (PreparedStatement s = connection.prepareStatement(BACKLOG)) {
                s.setInt(1, maxAttempts);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static boolean finish(Connection connection, String sql, ClaimedJob job) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, job.studyPk());
            s.setString(2, job.claimId());
            return s.executeUpdate() == 1;
        }
    }

    private static java.sql.Date date(LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** Queues the study to be judged again; the generation its result will carry, or empty when it is unknown. */
    public Optional<Long> requeue(String studyInstanceUid) {
        return transactor.inTransaction("queue a study for QC again", connection -> {
            try (PreparedStatement s = connection.prepareStatement(REQUEUE)) {
                s.setString(1, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }
}
